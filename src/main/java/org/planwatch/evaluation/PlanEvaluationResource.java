package org.planwatch.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.Cursor;
import org.planwatch.common.Page;
import org.planwatch.common.QueryParams;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;

@Path("/api/v1/plans/{plan}/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class PlanEvaluationResource {

    @Inject
    PlanRepository plans;
    @Inject
    EvaluationRepository evaluations;

    @GET
    @Operation(summary = "List a plan's evaluations",
            description = "Every published evaluation of the plan, newest first, with its evaluator, date, source and number of assessments.")
    public Page<EvaluationView> list(
            @Parameter(description = "The plan's period.", example = "2019-2021") @PathParam("plan") String slug,
            @Parameter(description = "Page size, 1 to 200.", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor) {
        int size = QueryParams.limit(limit);
        String key = Cursor.decode(cursor);
        Plan plan = plans.require(slug);
        LocalDate afterDate = null;
        Long afterId = null;
        if (key != null) {
            String[] parts = key.split("\\|");
            try {
                afterDate = LocalDate.parse(parts[0]);
                afterId = Long.valueOf(parts[1]);
            } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw Cursor.invalid();
            }
        }
        var rows = evaluations.pageForPlan(plan.id, afterDate, afterId, size).stream()
                .map(row -> EvaluationView.from((Evaluation) row[0], (Long) row[1]))
                .toList();
        return Page.of(rows, size, e -> e.date() + "|" + e.id());
    }
}
