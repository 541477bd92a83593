package org.planwatch.badge;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.axis.AxisService;
import org.planwatch.cache.ResponseCache;
import org.planwatch.common.http.Params;
import org.planwatch.common.http.QueryParams;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.Progress;
import org.planwatch.domain.Status;
import org.planwatch.domain.StatusBasis;
import org.planwatch.domain.StatusCount;
import org.planwatch.measure.MeasureDetail;
import org.planwatch.measure.MeasureService;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;
import org.planwatch.progress.ProgressRepository;
import org.planwatch.web.Lang;
import org.planwatch.web.Texts;

/** Status and progress badges, as images for any page or README: `<img src=".../badge.svg">`. */
@Path(ApiPaths.PLAN)
@Produces(BadgeResource.SVG)
@Tag(name = "Badges")
public class BadgeResource {

    static final String SVG = "image/svg+xml";

    @Inject
    PlanRepository plans;

    @Inject
    AxisService axisService;

    @Inject
    ProgressRepository progress;

    @Inject
    MeasureService measures;

    @Inject
    ResponseCache cache;

    @GET
    @Path("/badge.svg")
    @Operation(
            summary = "Get a plan's progress badge",
            description =
                    "An SVG image: the plan's period, then how many of its measures are implemented, partially implemented and "
                            + "not implemented (and \"⌛ N\" when N of them are overdue), with the full sentence as its "
                            + "accessible title. Cacheable for 5 minutes.")
    public Response plan(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug,
            @BeanParam BadgeLangParam lang) {
        Lang chosen = lang.chosen();
        List<AxisProgress> axes = progress.axes(slug, StatusBasis.LATEST);
        if (axes.isEmpty()) {
            plans.require(slug); // no axes: the plan may not exist
        }
        return badge(progressBadge(slug, Progress.overall(axes), chosen, "plan " + slug));
    }

    @GET
    @Path("/axes/{number}/badge.svg")
    @Operation(
            summary = "Get an axis' progress badge",
            description = "Like the plan's badge, for the measures of one axis.")
    public Response axis(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug,
            @Parameter(description = "The axis' number in its plan.", example = "3") @PathParam("number") String number,
            @BeanParam BadgeLangParam lang) {
        Lang chosen = lang.chosen();
        int wanted = QueryParams.positiveNumber("number", number);
        Plan plan = plans.require(slug);
        AxisProgress axis = axisService.view(plan, wanted, StatusBasis.LATEST);
        String label = (chosen == Lang.FR ? "axe " : "axis ") + wanted;
        return badge(progressBadge(
                label, axis.progress(), chosen, label + " – " + axis.title() + " (plan " + plan.slug + ")"));
    }

    @GET
    @Path("/measures/{number}/badge.svg")
    @Operation(
            summary = "Get a measure's status badge",
            description = "An SVG image: the measure's number, then its current status, and \"⌛ en retard\" (overdue)"
                    + " when its deadline has passed and it is not implemented.")
    public Response measure(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug,
            @Parameter(description = "The measure's number in its plan.", example = "16") @PathParam("number")
                    String number,
            @BeanParam BadgeLangParam lang) {
        Lang chosen = lang.chosen();
        int wanted = QueryParams.positiveNumber("number", number);
        MeasureDetail m = measures.detail(slug, wanted, null);
        String label = (chosen == Lang.FR ? "mesure " : "measure ") + m.number();
        String overdue = Texts.of(chosen).get("overdue");
        String message = Texts.icon(m.status()) + " " + Texts.status(m.status(), chosen)
                + (m.overdue() ? ", " + Texts.OVERDUE_ICON + " " + overdue : "");
        return badge(new Badge(
                label,
                message,
                Texts.colour(m.status()),
                (chosen == Lang.FR ? "Mesure " : "Measure ") + m.number() + " (plan " + m.plan() + ") : "
                        + Texts.status(m.status(), chosen) + (m.overdue() ? ", " + overdue : "") + " – "
                        + m.title()));
    }

    private static Badge progressBadge(String label, Progress progress, Lang lang, String subject) {
        List<String> parts = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        for (StatusCount count : progress.statuses()) {
            if (count.count() > 0 || count.status() != Status.NOT_ASSESSED) {
                parts.add(Texts.icon(count.status()) + " " + count.count());
                String words = Texts.status(count.status(), lang).toLowerCase(lang.locale());
                sentence.add(count.count() + " " + (lang == Lang.FR && count.count() > 1 ? words + "s" : words));
            }
        }
        if (progress.overdueCount() > 0) {
            parts.add(Texts.OVERDUE_ICON + " " + progress.overdueCount());
        }
        String title = subject + " : " + String.join(", ", sentence) + (lang == Lang.FR ? " sur " : " of ")
                + progress.measureCount() + (lang == Lang.FR ? " mesures" : " measures")
                + (progress.overdueCount() > 0
                        ? (lang == Lang.FR ? ", dont " : ", ") + progress.overdueCount() + " "
                                + Texts.of(lang).get("overdue")
                        : "");
        return new Badge(label, Badge.join(parts), "#1f4e8c", title);
    }

    private Response badge(Badge badge) {
        return Response.ok(badge.svg(), SVG)
                .header("Cache-Control", cache.embeddedCacheControl())
                .build();
    }
}
