package org.planwatch.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.csv.Csv;
import org.planwatch.common.http.Downloads;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.Role;
import org.planwatch.history.WriteResponses;

@Path(ApiPaths.EVALUATION)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class EvaluationResource {

    @Inject
    EvaluationService evaluations;

    @Inject
    WriteResponses answers;

    @GET
    @Operation(
            summary = "Get an evaluation with its assessments",
            description =
                    "The evaluation and the status it gave each measure it assessed, in measure order, with comments and evidence. "
                            + "With `Accept: text/csv`, its assessments as CSV (UTF-8 with a byte-order mark, `;` as separator); the first four "
                            + "columns are those of a CSV import (measure, status, comment, evidenceUrl), so the file can be imported again. "
                            + "The same CSV is at `/api/v1/evaluations/{id}.csv`, for links.")
    public EvaluationDetail get(
            @Parameter(description = "The evaluation's id.", example = "1") @PathParam("id") String id) {
        return evaluations.detail(QueryParams.positiveNumber("id", id));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    // The CSV is documented once, at its own address (the OpenAPI filter shows it here too).
    public Response getCsv(@Parameter(description = "The evaluation's id.", example = "1") @PathParam("id") String id) {
        EvaluationDetail detail = evaluations.detail(QueryParams.positiveNumber("id", id));
        return Downloads.csv(AssessmentCsv.write(detail), "planwatch-evaluation-" + detail.id() + ".csv");
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_ROLE, Role.EVALUATOR_ROLE})
    @Operation(
            summary = "Update an evaluation's metadata",
            description =
                    "Replaces the title, date, source and summary. Needs If-Match with the evaluation's current ETag. "
                            + "An evaluator key may only update its own evaluator's evaluations.")
    public Response update(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EvaluationUpdate body) {
        return answers.ok(evaluations.update(QueryParams.positiveNumber("id", id), ifMatch, body));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Role.ADMIN_ROLE, Role.EVALUATOR_ROLE})
    @Operation(
            summary = "Delete an evaluation and its assessments",
            description =
                    "Needs If-Match with the evaluation's current ETag. The measures it gave their current status fall back "
                            + "to the previous evaluation's status, which the change feed records.")
    @APIResponse(responseCode = "204", description = "Deleted, with its assessments.")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        evaluations.delete(QueryParams.positiveNumber("id", id), ifMatch);
        return answers.deleted();
    }

    @GET
    @Path("/assessments/{measure}")
    @Operation(
            summary = "Get one assessment",
            description = "The status this evaluation gave one measure, with its comment and evidence.")
    public AssessmentView assessment(
            @PathParam("id") String id,
            @Parameter(description = "The measure's number.", example = "16") @PathParam("measure") String measure) {
        return evaluations.assessment(
                QueryParams.positiveNumber("id", id), QueryParams.positiveNumber("measure", measure));
    }

    @PUT
    @Path("/assessments/{measure}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_ROLE, Role.EVALUATOR_ROLE})
    @Operation(
            summary = "Create or replace one assessment",
            description =
                    "Creates the assessment (201, no If-Match) or replaces it (200, If-Match with its current ETag required).")
    @APIResponse(
            responseCode = "200",
            description = "The assessment, replaced.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(
            responseCode = "201",
            description = "The assessment, created.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssessmentView.class)))
    public Response putAssessment(
            @PathParam("id") String id,
            @PathParam("measure") String measure,
            @Parameter(description = "The assessment's current ETag, when replacing it.")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @NotNull @Valid AssessmentInput body) {
        long evaluation = QueryParams.positiveNumber("id", id);
        int number = QueryParams.positiveNumber("measure", measure);
        return answers.put(
                evaluations.putAssessment(evaluation, number, ifMatch, body), ApiPaths.assessment(evaluation, number));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/assessments/{measure}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.EVALUATOR_ROLE})
    @Operation(summary = "Delete one assessment", description = "Needs If-Match with the assessment's current ETag.")
    public Response deleteAssessment(
            @PathParam("id") String id,
            @PathParam("measure") String measure,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        evaluations.deleteAssessment(
                QueryParams.positiveNumber("id", id), QueryParams.positiveNumber("measure", measure), ifMatch);
        return answers.deleted();
    }
}
