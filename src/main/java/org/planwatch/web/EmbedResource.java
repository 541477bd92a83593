package org.planwatch.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.planwatch.cache.ResponseCache;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.problem.ApiException;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.Status;
import org.planwatch.measure.MeasureDetail;
import org.planwatch.measure.MeasureFilter;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanView;
import org.planwatch.web.Views.AxisRow;
import org.planwatch.web.Views.Frame;
import org.planwatch.web.Views.MeasureRow;
import org.planwatch.web.Views.Option;
import org.planwatch.web.Views.StatusLook;

/**
 * Views made to sit in an iframe on any site (the only pages that may be framed, see HttpEdge), and
 * the page that writes the iframe, script and badge code for them. Options are query parameters:
 * plan (the latest with measures by default), axis, status, lang, layout (full or compact), theme (light or dark).
 */
@Path("/embed")
@Produces(MediaType.TEXT_HTML)
public class EmbedResource {

    @Inject
    PlanPages pages;

    @Location("embed/progress.html")
    Template progressView;

    @Location("embed/measures.html")
    Template measuresView;

    @Location("embed/measure.html")
    Template measureView;

    @Location("embed/builder.html")
    Template builder;

    @Inject
    ResponseCache cache;

    @Inject
    CurrentVertxRequest vertx;

    /** The options every view takes. */
    record Options(Lang lang, String layout, String theme) {

        /** The layout asked for: compact, else full. */
        static String layout(String layout) {
            return "compact".equals(layout) ? "compact" : "full";
        }

        /** The theme asked for: dark, else light. */
        static String theme(String theme) {
            return "dark".equals(theme) ? "dark" : "light";
        }
    }

    @GET
    @Path("/progress")
    @Operation(hidden = true)
    public Response progress(@QueryParam("plan") String slug, @BeanParam EmbedParams params, @Context UriInfo uri) {
        Options options = params.options(vertx.getCurrent());
        Plan plan = plan(slug);
        List<AxisProgress> axes = pages.axes(plan);
        PlanView view = pages.view(plan, axes);
        var t = Texts.of(options.lang());
        return page(progressView
                .data("frame", frame(options, view.title(), uri))
                .data("plan", view)
                .data("link", uri.getBaseUri() + "plans/" + plan.slug)
                .data("bar", new RawString(Charts.stackedBar(view.progress(), options.lang(), t.get("progress"))))
                .data("counts", StatusLook.counts(view.progress(), options.lang()))
                .data(
                        "axes",
                        axes.stream().map(a -> AxisRow.of(a, options.lang())).toList())
                .render());
    }

    @GET
    @Path("/measures")
    @Operation(hidden = true)
    public Response measures(
            @QueryParam("plan") String slug,
            @BeanParam MeasureFormParams form,
            @BeanParam EmbedParams params,
            @Context UriInfo uri) {
        Options options = params.options(vertx.getCurrent());
        Plan plan = plan(slug);
        MeasureFilter filter = pages.checked(plan, form.filter());
        var t = Texts.of(options.lang());
        String heading = plan.title;
        if (filter.axis() != null) {
            String axisTitle = pages.axes(plan).stream()
                    .filter(a -> a.number() == filter.axis())
                    .map(AxisProgress::title)
                    .findFirst()
                    .orElse("");
            heading = t.get("axis") + " " + filter.axis() + ". " + axisTitle;
        }
        String statuses = filter.statuses().stream()
                .map(s -> Texts.status(s, options.lang()))
                .collect(Collectors.joining(", "));
        String base = uri.getBaseUri().toString();
        return page(measuresView
                .data("frame", frame(options, heading, uri))
                .data("heading", heading)
                .data("statuses", statuses)
                .data("plan", plan.slug)
                .data("link", base + "plans/" + plan.slug + dashboardQuery(filter))
                .data(
                        "rows",
                        pages.measures(plan, filter).stream()
                                .map(m -> MeasureRow.of(
                                        m,
                                        options.lang(),
                                        false,
                                        base + "plans/" + plan.slug + "/measures/" + m.number()))
                                .toList())
                .render());
    }

    @GET
    @Path("/measure")
    @Operation(hidden = true)
    public Response measure(
            @QueryParam("plan") String slug,
            @QueryParam("number") String number,
            @BeanParam EmbedParams params,
            @Context UriInfo uri) {
        Options options = params.options(vertx.getCurrent());
        Plan plan = plan(slug);
        Integer wanted = QueryParams.positiveNumber("number", number == null ? "1" : number);
        MeasureDetail detail = pages.measure(plan, wanted);
        return page(measureView
                .data("frame", frame(options, Texts.of(options.lang()).get("measure") + " " + detail.number(), uri))
                .data("m", detail)
                .data("status", StatusLook.of(detail.status(), options.lang()))
                .data("link", uri.getBaseUri() + "plans/" + plan.slug + "/measures/" + detail.number())
                .data("timeline", DashboardResource.TimelineItem.of(detail, options.lang()))
                .render());
    }

    /** The page that writes the code: a GET form, so it works without JavaScript; the preview is the real thing. */
    @GET
    @Operation(hidden = true)
    public Response builder(
            @QueryParam("view") String view,
            @QueryParam("plan") String slug,
            @QueryParam("axis") String axis,
            @QueryParam("status") String status,
            @QueryParam("number") String number,
            @QueryParam("lang") String lang,
            @QueryParam("layout") String layout,
            @QueryParam("theme") String theme,
            @CookieParam(Lang.COOKIE) String cookie,
            @HeaderParam("Accept-Language") String acceptLanguage,
            @Context UriInfo uri) {
        Lang pageLang = Lang.ofPage(vertx.getCurrent(), null, cookie, acceptLanguage);
        Lang embedLang = Lang.parse(lang) == null ? Lang.FR : Lang.parse(lang);
        String chosenView =
                view != null && Set.of("progress", "measures", "measure").contains(view) ? view : "measures";
        Plan plan = plan(slug);
        List<Integer> axisNumbers =
                pages.axes(plan).stream().map(AxisProgress::number).toList();
        Integer axisNumber = axis == null || axis.isBlank() ? null : QueryParams.positiveNumber("axis", axis);
        Status chosenStatus =
                status == null || status.isBlank() ? null : QueryParams.enumValue("status", status, Status.class);
        Integer measureNumber = QueryParams.positiveNumber("number", number == null || number.isBlank() ? "1" : number);
        String chosenLayout = Options.layout(layout);
        String chosenTheme = Options.theme(theme);

        List<String> params = new ArrayList<>();
        params.add("plan=" + plan.slug);
        List<String> data = new ArrayList<>();
        data.add("data-planwatch=\"" + chosenView + "\"");
        data.add("data-plan=\"" + plan.slug + "\"");
        String base = uri.getBaseUri().toString();
        String badge;
        String subject;
        if (chosenView.equals("measure")) {
            params.add("number=" + measureNumber);
            data.add("data-number=\"" + measureNumber + "\"");
            badge = absolute(base, ApiPaths.badge(ApiPaths.measure(plan.slug, measureNumber)));
            subject = "mesure " + measureNumber;
        } else if (chosenView.equals("measures") && axisNumber != null) {
            params.add("axis=" + axisNumber);
            data.add("data-axis=\"" + axisNumber + "\"");
            badge = absolute(base, ApiPaths.badge(ApiPaths.axis(plan.slug, axisNumber)));
            subject = "axe " + axisNumber;
        } else {
            badge = absolute(base, ApiPaths.badge(ApiPaths.plan(plan.slug)));
            subject = "plan " + plan.slug;
        }
        if (chosenView.equals("measures") && chosenStatus != null) {
            params.add("status=" + chosenStatus.name());
            data.add("data-status=\"" + chosenStatus.name() + "\"");
        }
        params.add("lang=" + embedLang.code());
        data.add("data-lang=\"" + embedLang.code() + "\"");
        if (chosenLayout.equals("compact")) {
            params.add("layout=compact");
        }
        if (chosenTheme.equals("dark")) {
            params.add("theme=dark");
        }
        String src = base + "embed/" + chosenView + "?" + String.join("&amp;", params);
        String title = "Planwatch – " + subject;
        String iframe = "<iframe src=\"" + src + "\" title=\"" + title
                + "\" width=\"100%\" height=\"480\" style=\"border:0\" loading=\"lazy\"></iframe>";
        String script =
                "<div " + String.join(" ", data) + "></div>\n<script src=\"" + base + "embed.js\" async></script>";
        String badgeCode = "<a href=\"" + base + "plans/" + plan.slug + "\"><img src=\"" + badge
                + (embedLang == Lang.EN ? "?lang=en" : "") + "\" alt=\"Planwatch – " + subject + "\"></a>";

        List<Option> views = Arrays.stream(new String[] {"progress", "measures", "measure"})
                .map(v -> new Option(
                        v,
                        Texts.of(pageLang).get("view." + v) == null
                                ? v
                                : Texts.of(pageLang).get("view." + v),
                        v.equals(chosenView)))
                .toList();
        Frame frame = DashboardResource.frame(
                pageLang,
                Texts.of(pageLang).get("embed"),
                uri,
                ApiPaths.plan(plan.slug),
                "/feeds/changes.atom?plan=" + plan.slug);
        return DashboardResource.html(
                builder.data("frame", frame)
                        .data("views", views)
                        .data("plans", pages.choices(plan, p -> p.slug + " – " + p.title))
                        .data(
                                "axes",
                                axisNumbers.stream()
                                        .map(n -> new Option(n.toString(), n.toString(), n.equals(axisNumber)))
                                        .toList())
                        .data(
                                "statuses",
                                Arrays.stream(Status.values())
                                        .map(s -> new Option(s.name(), Texts.status(s, pageLang), s == chosenStatus))
                                        .toList())
                        .data("number", measureNumber)
                        .data("embedLang", embedLang.code())
                        .data("layout", chosenLayout)
                        .data("theme", chosenTheme)
                        .data("previewSrc", new RawString(src))
                        .data("iframeCode", iframe)
                        .data("scriptCode", script)
                        .data("badgeCode", badgeCode)
                        .data("previewScript", new RawString("<div " + String.join(" ", data) + "></div>"))
                        .render(),
                null);
    }

    /** The plan asked for, else the latest plan that has measures, as on the dashboard's home page. */
    private Plan plan(String slug) {
        return pages.planOrLatest(slug).orElseThrow(() -> new ApiException.NotFound("There is no plan yet."));
    }

    /** An absolute path of this service as a URL, from the base URL (which ends with a slash). */
    private static String absolute(String base, String path) {
        return base + path.substring(1);
    }

    private static String dashboardQuery(MeasureFilter filter) {
        List<String> params = new ArrayList<>();
        if (filter.axis() != null) {
            params.add("axis=" + filter.axis());
        }
        filter.statuses().forEach(s -> params.add("status=" + s.name()));
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    private static Frame frame(Options options, String title, UriInfo uri) {
        return new Frame(
                options.lang().code(),
                Texts.of(options.lang()),
                title,
                "",
                "",
                "",
                "",
                options.theme(),
                options.layout().equals("compact"));
    }

    private Response page(String html) {
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", cache.embeddedCacheControl())
                .build();
    }
}
