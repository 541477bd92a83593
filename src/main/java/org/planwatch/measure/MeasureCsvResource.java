package org.planwatch.measure;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.csv.Csv;
import org.planwatch.common.http.AsOfParam;
import org.planwatch.common.http.Params;
import org.planwatch.domain.ApiPaths;

/** The measure list's CSV at an address of its own, for download links and spreadsheets' "import from URL". */
@Path(ApiPaths.PLAN + "/measures.csv")
@Tag(name = "Measures")
public class MeasureCsvResource {

    @Inject
    MeasureResource measures;

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(
            summary = "Download a plan's measures as CSV",
            description =
                    "The same as `GET /api/v1/plans/{plan}/measures` with `Accept: text/csv`: every matching measure, not paged.")
    @APIResponse(
            responseCode = "200",
            description = "The measures as CSV.",
            content =
                    @Content(
                            mediaType = Csv.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING),
                            example = MeasureCsv.EXAMPLE))
    public Response download(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug,
            @BeanParam MeasureFilterParams filterParams,
            @Parameter(description = MeasureFilterParams.Q + ".", example = "mecanisme") @QueryParam("q") String q,
            @BeanParam AsOfParam asOf) {
        return measures.listCsv(slug, filterParams, q, asOf);
    }
}
