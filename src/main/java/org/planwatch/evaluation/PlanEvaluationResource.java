package org.planwatch.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.http.PageParams;
import org.planwatch.common.http.Params;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.paging.Page;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.Role;
import org.planwatch.history.WriteResponses;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;

@Path(ApiPaths.PLAN + "/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class PlanEvaluationResource {

    @Inject
    PlanRepository plans;

    @Inject
    EvaluationRepository evaluations;

    @Inject
    EvaluationService service;

    @Inject
    WriteResponses answers;

    @Inject
    EvaluationImports imports;

    @GET
    @Operation(
            summary = "List a plan's evaluations",
            description =
                    "Every published evaluation of the plan, newest first, with its evaluator, date, source and number of assessments.")
    public Page<EvaluationView> list(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug,
            @BeanParam PageParams page) {
        int size = page.size();
        String key = Cursor.decode(page.cursor());
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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_ROLE, Role.EVALUATOR_ROLE})
    @Operation(
            summary = "Record an evaluation, with all its assessments",
            description =
                    "Creates the evaluation and every assessment in `assessments` in one transaction: when any assessment is "
                            + "wrong (unknown measure, measure assessed twice, ...), the answer is a 422 listing every one, and nothing is "
                            + "recorded. An evaluator key may only record evaluations of its own evaluator. With an Idempotency-Key, a retried "
                            + "request returns the first answer and records nothing new.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "evaluation", value = """
            {"evaluator": "cncdh", "title": "Évaluation de suivi du plan d'action national (2019-2021)", "date": "2024-03-01",
             "source": {"title": "Avis de la CNCDH", "url": "https://www.cncdh.fr/"},
             "summary": "Deux mesures ont progressé.",
             "assessments": [
               {"measure": 16, "status": "PARTIALLY_IMPLEMENTED", "comment": "Un mécanisme a été annoncé.",
                "evidence": [{"url": "https://www.legifrance.gouv.fr/", "title": "Texte annonçant le mécanisme"}]},
               {"measure": 2, "status": "IMPLEMENTED"}]}""")))
    @APIResponse(
            responseCode = "201",
            description = "Recorded: the evaluation with its assessments; Location is its address.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EvaluationDetail.class)))
    public Response create(
            @PathParam("plan") String slug,
            @Parameter(description = "Makes a retry safe: the same key and body return the first answer.")
                    @HeaderParam(Params.IDEMPOTENCY_KEY)
                    String idempotencyKey,
            @NotNull @Valid NewEvaluation body) {
        return answers.created(
                idempotencyKey,
                body,
                () -> service.create(slug, EvaluationImport.of(body)),
                created -> ApiPaths.evaluation(created.id()));
    }

    @POST
    @Consumes(AssessmentCsv.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN_ROLE, Role.EVALUATOR_ROLE})
    @Operation(
            summary = "Import an evaluation from CSV",
            description =
                    "The same as the JSON form, with the evaluation's metadata in query parameters and its assessments as CSV: "
                            + "UTF-8, comma- or semicolon-separated, a header line `measure,status,comment,evidenceUrl` (measure and status "
                            + "required), one line per measure. All or nothing: one bad line rejects the whole import with a 422 that lists "
                            + "every bad line (`errors[].field` is `line N.column`).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = AssessmentCsv.MEDIA_TYPE,
                            examples = @ExampleObject(name = "csv", value = """
            measure;status;comment;evidenceUrl
            16;PARTIALLY_IMPLEMENTED;Un mécanisme a été annoncé;https://www.legifrance.gouv.fr/
            2;IMPLEMENTED;;
            """)))
    // answers as the JSON form does (its 201 is documented there)
    public Response importCsv(
            @PathParam("plan") String slug,
            @Parameter(description = "The evaluator's slug. Required with a CSV body.", example = "cncdh")
                    @QueryParam("evaluator")
                    String evaluator,
            @Parameter(description = "The evaluation's title. Required with a CSV body.") @QueryParam("title")
                    String title,
            @Parameter(
                            description =
                                    "The date it was adopted or published (YYYY-MM-DD). Required with a CSV body.",
                            example = "2024-03-01")
                    @QueryParam("date")
                    String date,
            @Parameter(description = "The title of the published document. Required with a CSV body.")
                    @QueryParam("sourceTitle")
                    String sourceTitle,
            @Parameter(description = "The address of the published document. Required with a CSV body.")
                    @QueryParam("sourceUrl")
                    String sourceUrl,
            @Parameter(description = "Its headline findings (CSV body only).") @QueryParam("summary") String summary,
            @HeaderParam(Params.IDEMPOTENCY_KEY) String idempotencyKey,
            String csv) {
        EvaluationImport evaluation = imports.fromCsv(evaluator, title, date, sourceTitle, sourceUrl, summary, csv);
        // the request's URI, with the metadata in its query, is part of the fingerprint too
        return answers.created(
                idempotencyKey,
                csv,
                () -> service.create(slug, evaluation),
                created -> ApiPaths.evaluation(created.id()));
    }
}
