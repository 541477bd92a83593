package org.planwatch.measure;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.ApiException;
import org.planwatch.common.Cursor;
import org.planwatch.common.Page;
import org.planwatch.common.QueryParams;
import org.planwatch.evaluation.AssessmentRepository;
import org.planwatch.evaluation.Status;
import org.planwatch.evaluation.StatusBasis;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;

@Path("/api/v1/plans/{plan}/measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Measures")
public class MeasureResource {

    private static final int MAX_WORDS = 10;

    @Inject
    PlanRepository plans;
    @Inject
    MeasureRepository measures;
    @Inject
    AssessmentRepository assessments;

    @GET
    @Operation(summary = "List a plan's measures",
            description = "The plan's measures in number order, each with its axis and current status (the status given by the most "
                    + "recent evaluation that assessed it, NOT_ASSESSED when none did). Filters combine: a measure must match all of them.")
    public Page<MeasureView> list(
            @Parameter(description = "The plan's period.", example = "2019-2021") @PathParam("plan") String slug,
            @Parameter(description = "Only the measures of this axis (its number).", example = "3") @QueryParam("axis") String axis,
            @Parameter(description = "Only the measures with one of these current statuses; repeat the parameter for several.",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Status.class))
            @QueryParam("status") List<String> status,
            @Parameter(description = "Words that must all appear in the measure's title, accents and case ignored "
                    + "(`mecanisme` finds \"mécanisme\").", example = "mecanisme") @QueryParam("q") String q,
            @Parameter(description = "Page size, 1 to 200.", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor) {
        int size = QueryParams.limit(limit);
        int after = Cursor.decodeNumber(cursor);
        MeasureFilter filter = new MeasureFilter(
                QueryParams.positiveNumber("axis", axis),
                QueryParams.enums("status", status, Status.class),
                words(QueryParams.text("q", q, 200)),
                null);
        Plan plan = plans.require(slug);
        return Page.of(measures.page(plan.id, filter, StatusBasis.LATEST, after, size), size, m -> Integer.toString(m.number()));
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "Get a measure with its history",
            description = "The measure, its axis, its current status and every assessment of it, newest first, each with its evaluation and evaluator.")
    public MeasureDetail get(
            @Parameter(description = "The plan's period.", example = "2019-2021") @PathParam("plan") String slug,
            @Parameter(description = "The measure's number in its plan.", example = "16") @PathParam("number") String number) {
        int wanted = QueryParams.positiveNumber("number", number);
        Plan plan = plans.require(slug);
        MeasureView measure = measures.page(plan.id, MeasureFilter.number(wanted), StatusBasis.LATEST, 0, 1).stream()
                .findFirst()
                .orElseThrow(() -> new ApiException.NotFound("Plan " + slug + " has no measure " + wanted + "."));
        return MeasureDetail.from(plan.slug, measure, assessments.forMeasure(plan.id, wanted));
    }

    private static List<String> words(String q) {
        if (q == null) {
            return List.of();
        }
        List<String> words = Arrays.stream(q.split("\\s+")).filter(w -> !w.isEmpty()).distinct().toList();
        if (words.size() > MAX_WORDS) {
            throw new ApiException.InvalidParameter("q", "must have at most " + MAX_WORDS + " words");
        }
        return words;
    }
}
