package org.planwatch.evaluator;

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

@Path("/api/v1/evaluators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluators")
public class EvaluatorResource {

    @Inject
    EvaluatorRepository evaluators;

    @GET
    @Operation(summary = "List evaluators",
            description = "The bodies that assess the plans (the CNCDH, the Collectif \"Ensemble contre la traite\", ...), by slug.")
    public Page<EvaluatorView> list(
            @Parameter(description = "Page size, 1 to 200.", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor) {
        int size = QueryParams.limit(limit);
        return Page.of(evaluators.page(Cursor.decode(cursor), size).stream().map(EvaluatorView::from).toList(), size, EvaluatorView::slug);
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Get an evaluator")
    public EvaluatorView get(@Parameter(description = "The evaluator's slug.", example = "cncdh") @PathParam("slug") String slug) {
        return EvaluatorView.from(evaluators.require(slug));
    }
}
