package org.planwatch.plan;

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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.csv.Csv;
import org.planwatch.common.http.PageParams;
import org.planwatch.common.http.Params;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.paging.Page;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.Role;
import org.planwatch.domain.StatusBasis;
import org.planwatch.history.WriteResponses;

@Path(ApiPaths.PLANS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {

    @Inject
    PlanRepository plans;

    @Inject
    PlanProgress progress;

    @Inject
    PlanService service;

    @Inject
    WriteResponses answers;

    @Inject
    PlanImports imports;

    @GET
    @Operation(
            summary = "List plans",
            description =
                    "The national action plans, latest first, each with its headline progress: how many of its measures are "
                            + "implemented, partially implemented, not implemented or not yet assessed.")
    public Page<PlanView> list(@BeanParam PageParams paging) {
        int size = paging.size();
        List<Plan> page = plans.page(Cursor.decode(paging.cursor()), size);
        List<Long> ids = page.stream().map(p -> p.id).toList();
        Map<Long, List<AxisProgress>> axes = progress.axesByPlan(ids, StatusBasis.LATEST);
        Map<Long, EvaluationRef> latest = plans.latestEvaluations(ids);
        List<PlanView> views = page.stream()
                .map(p -> PlanView.from(p, axes.getOrDefault(p.id, List.of()), latest.get(p.id)))
                .toList();
        return Page.of(views, size, PlanView::slug);
    }

    @GET
    @Path("/{plan}")
    @Operation(summary = "Get a plan", description = "The plan, its source and its headline progress.")
    public PlanView get(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug) {
        return service.view(plans.require(slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Create a plan, optionally with its axes and measures",
            description =
                    "Its slug is its period (startYear-endYear). With `axes`, the plan is loaded in one request with"
                            + " its axes and their measures (each with its optional lead, dueBy and continues): all or nothing, a"
                            + " 422 lists every problem by its JSON path (a number given twice, a dueBy that is not one, a"
                            + " continues target that does not exist or whose plan did not start earlier, more than "
                            + PlanLoad.MAX_MEASURES
                            + " measures) and nothing is recorded. The change feed and the audit trail"
                            + " record the whole plan as one change. With an Idempotency-Key, a retried request returns the"
                            + " first answer and records nothing new. Administrators only.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "plan with its measures", value = """
            {"startYear": 2030, "endYear": 2033,
             "title": "Plan national de lutte contre l'exploitation et la traite des êtres humains 2030-2033",
             "presentedOn": "2029-12-11",
             "source": {"title": "Dossier de presse du plan", "url": "https://www.egalite-femmes-hommes.gouv.fr/"},
             "axes": [{"number": 1, "title": "Prévenir l'exploitation", "measures": [
               {"number": 1, "title": "Former les professionnels au repérage des victimes", "lead": "MIPROF", "dueBy": "2031"},
               {"number": 2, "title": "Mettre en place le mécanisme national de référence", "lead": "Ministère de la Justice",
                "dueBy": "2031-06-30", "continues": {"plan": "2019-2021", "number": 16}}]}]}""")))
    @APIResponse(
            responseCode = "201",
            description = "The plan, created (with its axes and measures when given).",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanView.class)))
    public Response create(@HeaderParam(Params.IDEMPOTENCY_KEY) String idempotencyKey, @NotNull @Valid NewPlan body) {
        return answers.created(
                idempotencyKey,
                body,
                () -> service.create(PlanLoad.of(body)),
                created -> ApiPaths.plan(created.slug()));
    }

    @POST
    @Consumes(Csv.MEDIA_TYPE)
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(
            summary = "Load a plan from CSV",
            description = "The same as the JSON form, with the plan's fields in query parameters and its measures as"
                    + " CSV, one a line: UTF-8 (a byte-order mark is ignored), comma- or semicolon-separated, quoted"
                    + " values, a header line `axis;axisTitle;measure;title;lead;dueBy;continues` (the first four"
                    + " required). Every line repeats its axis' number; its title is needed on one line at least, and"
                    + " must be the same on every line that gives it. `dueBy` is YYYY-MM-DD, YYYY-MM or YYYY;"
                    + " `continues` names a measure of an earlier plan as `2019-2021/16`. All or nothing: a 422 lists"
                    + " every problem by line (`errors[].field` is `line N.column`). Administrators only.")
    @RequestBody(content = @Content(mediaType = Csv.MEDIA_TYPE, examples = @ExampleObject(name = "csv", value = """
            axis;axisTitle;measure;title;lead;dueBy;continues
            1;Prévenir l'exploitation;1;Former les professionnels au repérage des victimes;MIPROF;2031;
            1;Prévenir l'exploitation;2;Mettre en place le mécanisme national de référence;Ministère de la Justice;2031-06-30;2019-2021/16
            """)))
    @APIResponse(
            responseCode = "201",
            description = "The plan, created with its axes and measures.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanView.class)))
    public Response importCsv(
            @Parameter(description = "The plan's first year. Required with a CSV body.", example = "2030")
                    @QueryParam("startYear")
                    String startYear,
            @Parameter(description = "The plan's last year. Required with a CSV body.", example = "2033")
                    @QueryParam("endYear")
                    String endYear,
            @Parameter(description = "The plan's title. Required with a CSV body.") @QueryParam("title") String title,
            @Parameter(description = "The date the plan was presented (YYYY-MM-DD).", example = "2029-12-11")
                    @QueryParam("presentedOn")
                    String presentedOn,
            @Parameter(description = "The title of the document the plan was read in. Required with a CSV body.")
                    @QueryParam("sourceTitle")
                    String sourceTitle,
            @Parameter(description = "The address of that document. Required with a CSV body.") @QueryParam("sourceUrl")
                    String sourceUrl,
            @HeaderParam(Params.IDEMPOTENCY_KEY) String idempotencyKey,
            String csv) {
        PlanLoad load = imports.fromCsv(startYear, endYear, title, presentedOn, sourceTitle, sourceUrl, csv);
        // the request's URI, with the plan's fields in its query, is part of the fingerprint too
        return answers.created(
                idempotencyKey, csv, () -> service.create(load), created -> ApiPaths.plan(created.slug()));
    }

    @PUT
    @Path("/{plan}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Update a plan",
            description = "Replaces its title, presentation date and source; its period cannot change. "
                    + "Needs If-Match with the plan's current ETag. Administrators only.")
    public Response update(
            @PathParam("plan") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PlanInput body) {
        return answers.ok(service.update(slug, ifMatch, body));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{plan}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Delete a plan",
            description =
                    "A plan with axes, measures or evaluations is only deleted with cascade=true, "
                            + "which deletes them too; otherwise the answer is a 409 that says what depends on it. It is a 409 too, even with cascade=true, when a measure of a later plan takes up (continues) one of its measures. Needs If-Match. Administrators only.")
    public Response delete(
            @PathParam("plan") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Also delete everything that belongs to the plan.") @QueryParam("cascade")
                    boolean cascade) {
        service.delete(slug, ifMatch, cascade);
        return answers.deleted();
    }
}
