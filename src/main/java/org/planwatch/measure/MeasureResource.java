package org.planwatch.measure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.csv.Csv;
import org.planwatch.common.http.AsOfParam;
import org.planwatch.common.http.Downloads;
import org.planwatch.common.http.PageParams;
import org.planwatch.common.http.Params;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.paging.Page;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.Role;
import org.planwatch.domain.StatusBasis;
import org.planwatch.history.WriteResponses;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;

@Path(ApiPaths.PLAN + "/measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Measures")
public class MeasureResource {

    @Inject
    PlanRepository plans;

    @Inject
    MeasureRepository measures;

    @Inject
    MeasureService service;

    @Inject
    WriteResponses answers;

    @GET
    @Operation(
            summary = "List a plan's measures",
            description =
                    "The plan's measures in number order, each with its axis and current status (the status given by the most "
                            + "recent evaluation that assessed it, NOT_ASSESSED when none did). Filters combine: a measure must match all of them. "
                            + "With `Accept: text/csv`, every matching measure (not paged) as CSV: UTF-8 with a byte-order mark and `;` as "
                            + "separator, so that a spreadsheet in a French locale opens it as is; the same CSV is at "
                            + "`/api/v1/plans/{plan}/measures.csv` for links and spreadsheets that cannot send a header.")
    public Page<MeasureView> list(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug,
            @BeanParam MeasureFilterParams filterParams,
            @Parameter(
                            description = MeasureFilterParams.Q + " (`mecanisme` finds \"mécanisme\").",
                            example = "mecanisme")
                    @QueryParam("q")
                    String q,
            @BeanParam AsOfParam asOf,
            @BeanParam PageParams paging) {
        int size = paging.size();
        StatusBasis basis = asOf.basis();
        int after = Cursor.decodeNumber(paging.cursor());
        MeasureFilter filter = filterParams.with(q);
        List<MeasureView> page = measures.page(slug, filter, basis, after, size);
        if (page.isEmpty()) {
            service.explainEmpty(slug, filter);
        }
        return Page.of(page, size, m -> Integer.toString(m.number()));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    // The CSV is documented once, at its own address (the OpenAPI filter shows it here too).
    public Response listCsv(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug,
            @BeanParam MeasureFilterParams filterParams,
            @Parameter(description = MeasureFilterParams.Q + ".", example = "mecanisme") @QueryParam("q") String q,
            @BeanParam AsOfParam asOf) {
        StatusBasis basis = asOf.basis();
        Plan plan = plans.require(slug);
        MeasureFilter filter = service.checked(plan, filterParams.with(q));
        return Downloads.csv(
                MeasureCsv.write(measures.all(plan.slug, filter, basis)), "planwatch-" + plan.slug + "-measures.csv");
    }

    @GET
    @Path("/{number}")
    @Operation(
            summary = "Get a measure with its history",
            description =
                    "The measure, its axis, its current status and every assessment of it, newest first, each with its evaluation and evaluator.")
    public MeasureDetail get(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug,
            @Parameter(description = "The measure's number in its plan.", example = "16") @PathParam("number")
                    String number,
            @Parameter(description = Params.AS_OF + " The history then stops at that date too.", example = "2023-06-30")
                    @QueryParam("asOf")
                    String asOf) {
        int wanted = QueryParams.positiveNumber("number", number);
        LocalDate date = QueryParams.date("asOf", asOf);
        return service.detail(slug, wanted, date);
    }

    @GET
    @Path("/{number}/lineage")
    @Operation(
            summary = "Follow a measure from plan to plan",
            description = "The whole chain the measure belongs to, oldest plan first: the measures of earlier plans it"
                    + " takes up (`continues`), back to the first, itself, and the measures of later plans that take it"
                    + " up, each with its plan, number, title and status (as of asOf when given).")
    public MeasureLineage getMeasureLineage(
            @Parameter(description = Params.PLAN, example = "2024-2027") @PathParam("plan") String slug,
            @Parameter(description = "The measure's number in its plan.", example = "12") @PathParam("number")
                    String number,
            @BeanParam AsOfParam asOf) {
        return service.lineage(slug, QueryParams.positiveNumber("number", number), asOf.date());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "Create a measure", description = "Administrators only.")
    public Response create(
            @PathParam("plan") String slug,
            @HeaderParam(Params.IDEMPOTENCY_KEY) String idempotencyKey,
            @NotNull @Valid MeasureInput body) {
        return answers.created(
                idempotencyKey,
                body,
                () -> service.create(slug, body),
                created -> ApiPaths.measure(slug, created.number()));
    }

    @PUT
    @Path("/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Update a measure",
            description =
                    "Replaces its title, axis, lead, dueBy and continues (a field left out becomes null); its number"
                            + " cannot change. A dueBy that is not one, or a continues target that does not exist or"
                            + " whose plan did not start earlier, is a 422 naming the field. Needs If-Match."
                            + " Administrators only.")
    public Response update(
            @PathParam("plan") String slug,
            @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid MeasureInput body) {
        return answers.ok(service.update(slug, QueryParams.positiveNumber("number", number), ifMatch, body));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{number}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Delete a measure",
            description =
                    "A measure with assessments is only deleted with cascade=true, which deletes "
                            + "them too; otherwise the answer is a 409 naming the evaluations that assessed it. A measure that a measure of a later plan takes up (continues) is not deleted, even with cascade=true: the 409 names those measures. Needs If-Match. Administrators only.")
    public Response delete(
            @PathParam("plan") String slug,
            @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Also delete the measure's assessments.") @QueryParam("cascade") boolean cascade) {
        service.delete(slug, QueryParams.positiveNumber("number", number), ifMatch, cascade);
        return answers.deleted();
    }
}
