package org.planwatch.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.planwatch.common.http.QueryParams;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.Status;
import org.planwatch.measure.MeasureDetail;
import org.planwatch.measure.MeasureFilter;
import org.planwatch.measure.MeasureView;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanView;
import org.planwatch.progress.ProgressHistory;
import org.planwatch.web.Views.AxisRow;
import org.planwatch.web.Views.Frame;
import org.planwatch.web.Views.MeasureRow;
import org.planwatch.web.Views.Option;
import org.planwatch.web.Views.StatusLook;

/**
 * The dashboard: server-rendered pages that work without JavaScript, every figure from the queries
 * the API answers with. The filters are a GET form; a script only makes them instant.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @Inject
    PlanPages pages;

    @Inject
    Template plan;

    @Inject
    Template measure;

    @Inject
    Template empty;

    @Inject
    CurrentVertxRequest vertx;

    @GET
    @Operation(hidden = true)
    public Response home(@BeanParam MeasureFormParams form, @BeanParam PageLangParams lang, @Context UriInfo uri) {
        Lang chosen = lang.chosen(vertx.getCurrent());
        Optional<Plan> latest = pages.planOrLatest(null);
        if (latest.isEmpty()) {
            Frame frame = frame(chosen, "Planwatch", uri, ApiPaths.PLANS, "/feeds/changes.atom");
            return html(empty.data("frame", frame).render(), lang.param());
        }
        return planPage(latest.get(), form, chosen, lang.param(), uri);
    }

    @GET
    @Path("plans/{plan}")
    @Operation(hidden = true)
    public Response plan(
            @PathParam("plan") String slug,
            @BeanParam MeasureFormParams form,
            @BeanParam PageLangParams lang,
            @Context UriInfo uri) {
        return planPage(pages.plan(slug), form, lang.chosen(vertx.getCurrent()), lang.param(), uri);
    }

    @GET
    @Path("plans/{plan}/measures/{number}")
    @Operation(hidden = true)
    public Response measure(
            @PathParam("plan") String slug,
            @PathParam("number") String number,
            @BeanParam PageLangParams lang,
            @Context UriInfo uri) {
        Lang chosen = lang.chosen(vertx.getCurrent());
        Plan planEntity = pages.plan(slug);
        MeasureDetail detail = pages.measure(planEntity, QueryParams.positiveNumber("number", number));
        String api = ApiPaths.measure(slug, detail.number());
        Frame frame = frame(
                chosen,
                Texts.of(chosen).get("measure") + " " + detail.number() + " – " + planEntity.title,
                uri,
                api,
                "/feeds/changes.atom?plan=" + slug + "&axis=" + detail.axis().number());
        return html(
                measure.data("frame", frame)
                        .data("plan", pages.view(planEntity))
                        .data("m", detail)
                        .data("status", StatusLook.of(detail.status(), chosen))
                        .data(
                                "evaluatorStatuses",
                                detail.evaluatorStatuses().stream()
                                        .map(s -> new Assessed(
                                                s.evaluator().shortName() == null
                                                        ? s.evaluator().name()
                                                        : s.evaluator().shortName(),
                                                s.evaluator().name(),
                                                Texts.date(s.date(), chosen),
                                                StatusLook.of(s.status(), chosen)))
                                        .toList())
                        .data("timeline", TimelineItem.of(detail, chosen))
                        .data("lineage", Views.LineageLine.of(pages.lineage(planEntity, detail.number()), chosen))
                        .data("badge", ApiPaths.badge(api) + (chosen == Lang.EN ? "?lang=en" : ""))
                        .render(),
                lang.param());
    }

    /** A line of a measure's history, with its date and status in the page's language. */
    public record TimelineItem(MeasureDetail.Item item, StatusLook status, String date) {

        static List<TimelineItem> of(MeasureDetail measure, Lang lang) {
            return measure.assessments().stream()
                    .map(a -> new TimelineItem(
                            a,
                            StatusLook.of(a.status(), lang),
                            Texts.date(a.evaluation().date(), lang)))
                    .toList();
        }
    }

    /** One evaluator's latest status for a measure. */
    public record Assessed(String shortName, String name, String date, StatusLook status) {}

    private Response planPage(Plan planEntity, MeasureFormParams form, Lang chosen, String langParam, UriInfo uri) {
        MeasureFilter filter = pages.checked(planEntity, form.filter());
        List<AxisProgress> axes = pages.axes(planEntity);
        PlanView view = pages.view(planEntity, axes);
        List<MeasureView> all = pages.measures(planEntity, MeasureFilter.ALL);
        boolean filtered = filter.axis() != null
                || !filter.statuses().isEmpty()
                || !filter.words().isEmpty()
                || filter.overdue() != null;
        Set<Integer> shown = filtered
                ? pages.measures(planEntity, filter).stream()
                        .map(MeasureView::number)
                        .collect(Collectors.toSet())
                : all.stream().map(MeasureView::number).collect(Collectors.toSet());
        List<ProgressHistory.Point> history = pages.history(planEntity);
        var t = Texts.of(chosen);
        String slug = planEntity.slug;

        String query = uri.getRequestUri().getRawQuery();
        String filterQuery = query == null
                ? ""
                : Arrays.stream(query.split("&"))
                        .filter(p -> p.startsWith("axis=")
                                || p.startsWith("status=")
                                || p.startsWith("q=")
                                || p.startsWith("overdue="))
                        .filter(p -> !p.endsWith("="))
                        .collect(Collectors.joining("&"));
        Frame frame = frame(chosen, planEntity.title, uri, ApiPaths.plan(slug), "/feeds/changes.atom?plan=" + slug);
        List<Option> axisOptions = new ArrayList<>();
        axisOptions.add(new Option("", t.get("allAxes"), filter.axis() == null));
        axes.forEach(a -> axisOptions.add(new Option(
                Integer.toString(a.number()),
                a.number() + ". " + a.title(),
                Integer.valueOf(a.number()).equals(filter.axis()))));
        List<Option> overdueOptions = List.of(
                new Option("", t.get("allDeadlines"), filter.overdue() == null),
                new Option(
                        "true", Texts.OVERDUE_ICON + " " + t.get("onlyOverdue"), Boolean.TRUE.equals(filter.overdue())),
                new Option("false", t.get("notOverdue"), Boolean.FALSE.equals(filter.overdue())));
        List<Option> statusOptions = Arrays.stream(Status.values())
                .map(s -> new Option(
                        s.name(),
                        Texts.icon(s) + " " + Texts.status(s, chosen),
                        filter.statuses().contains(s)))
                .toList();
        return html(
                plan.data("frame", frame)
                        .data("plan", view)
                        .data("presentedOn", Texts.date(view.presentedOn(), chosen))
                        .data(
                                "latestDate",
                                view.latestEvaluation() == null
                                        ? ""
                                        : Texts.date(view.latestEvaluation().date(), chosen))
                        .data("plans", pages.choices(planEntity, p -> p.title))
                        .data(
                                "progressBar",
                                new RawString(Charts.stackedBar(view.progress(), chosen, t.get("progress"))))
                        .data("counts", StatusLook.counts(view.progress(), chosen))
                        .data(
                                "axes",
                                axes.stream().map(a -> AxisRow.of(a, chosen)).toList())
                        .data("axisOptions", axisOptions)
                        .data("statusOptions", statusOptions)
                        .data("overdueOptions", overdueOptions)
                        .data("q", form.q())
                        .data(
                                "rows",
                                all.stream()
                                        .map(m -> MeasureRow.of(
                                                m,
                                                chosen,
                                                !shown.contains(m.number()),
                                                "/plans/" + slug + "/measures/" + m.number()))
                                        .toList())
                        .data("shownText", String.format(t.get("shown"), shown.size(), all.size()))
                        .data("shownPattern", t.get("shown"))
                        .data("csvHref", ApiPaths.measuresCsv(slug) + (filterQuery.isEmpty() ? "" : "?" + filterQuery))
                        .data("history", history.size() < 2 ? null : new RawString(Charts.history(history, chosen)))
                        .data(
                                "historyRows",
                                history.stream()
                                        .map(p -> new HistoryRow(
                                                p.date().toString(), StatusLook.counts(p.overall(), chosen)))
                                        .toList())
                        .data(
                                "legend",
                                Arrays.stream(Status.values())
                                        .map(s -> StatusLook.of(s, chosen))
                                        .toList())
                        .render(),
                langParam);
    }

    /** The counts at one evaluation date. */
    public record HistoryRow(String date, List<StatusLook> counts) {}

    static Frame frame(Lang lang, String title, UriInfo uri, String apiHref, String feedHref) {
        URI switched = uri.getRequestUriBuilder()
                .replaceQueryParam("lang", lang.other().code())
                .build();
        String switchHref =
                switched.getRawPath() + (switched.getRawQuery() == null ? "" : "?" + switched.getRawQuery());
        return new Frame(
                lang.code(), Texts.of(lang), title, switchHref, lang.other().code(), apiHref, feedHref, "light", false);
    }

    /** The page; when the language was chosen in the URL, a cookie remembers it for the next pages. */
    static Response html(String html, String langParam) {
        Response.ResponseBuilder answer =
                Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-cache");
        Lang chosen = Lang.parse(langParam);
        if (chosen != null) {
            answer.cookie(new NewCookie.Builder(Lang.COOKIE)
                    .value(chosen.code())
                    .path("/")
                    .maxAge(365 * 24 * 3600)
                    .sameSite(NewCookie.SameSite.LAX)
                    .build());
        }
        return answer.build();
    }
}
