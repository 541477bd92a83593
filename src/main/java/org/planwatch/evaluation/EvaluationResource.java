package org.planwatch.evaluation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.QueryParams;

@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class EvaluationResource {

    @Inject
    EvaluationRepository evaluations;
    @Inject
    AssessmentRepository assessments;

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an evaluation with its assessments",
            description = "The evaluation and the status it gave each measure it assessed, in measure order.")
    public EvaluationDetail get(@Parameter(description = "The evaluation's id.", example = "1") @PathParam("id") String id) {
        Evaluation evaluation = evaluations.require(QueryParams.positiveNumber("id", id));
        return EvaluationDetail.from(evaluation, assessments.forEvaluation(evaluation.id));
    }
}
