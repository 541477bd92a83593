package org.planwatch.evaluation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.csv.Csv;
import org.planwatch.domain.ApiPaths;

/** An evaluation's assessments as CSV at an address of their own, for download links. */
@Path(ApiPaths.EVALUATION + ".csv")
@Tag(name = "Evaluations")
public class EvaluationCsvResource {

    @Inject
    EvaluationResource evaluations;

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(
            summary = "Download an evaluation's assessments as CSV",
            description = "The same as `GET /api/v1/evaluations/{id}` with `Accept: text/csv`.")
    @APIResponse(
            responseCode = "200",
            description = "The assessments as CSV.",
            content =
                    @Content(
                            mediaType = Csv.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING),
                            example = AssessmentCsv.EXAMPLE))
    public Response download(
            @Parameter(description = "The evaluation's id.", example = "1") @PathParam("id") String id) {
        return evaluations.getCsv(id);
    }
}
