package org.planwatch.smoke;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.openapitools.jackson.nullable.JsonNullable;
import org.planwatch.client.ApiClient;
import org.planwatch.client.ApiException;
import org.planwatch.client.ApiResponse;
import org.planwatch.client.api.EvaluationsApi;
import org.planwatch.client.api.EvaluatorsApi;
import org.planwatch.client.api.MeasuresApi;
import org.planwatch.client.api.PlansApi;
import org.planwatch.client.api.ProgressApi;
import org.planwatch.client.model.Evaluation;
import org.planwatch.client.model.EvaluationAssessment;
import org.planwatch.client.model.EvaluationDetail;
import org.planwatch.client.model.Evaluator;
import org.planwatch.client.model.EvaluatorInput;
import org.planwatch.client.model.EvaluatorKind;
import org.planwatch.client.model.EvidenceInput;
import org.planwatch.client.model.Measure;
import org.planwatch.client.model.MeasureDetail;
import org.planwatch.client.model.MeasureInput;
import org.planwatch.client.model.NewAssessment;
import org.planwatch.client.model.NewEvaluation;
import org.planwatch.client.model.PageEvaluatorView;
import org.planwatch.client.model.PageMeasureView;
import org.planwatch.client.model.Plan;
import org.planwatch.client.model.NewPlan;
import org.planwatch.client.model.PlanProgress;
import org.planwatch.client.model.SourceInput;
import org.planwatch.client.model.Status;
import org.planwatch.client.model.StatusCount;
import org.planwatch.client.model.AxisInput;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads and writes a running Planwatch through the Java client generated from openapi/openapi.yaml, decoding every
 * answer strictly: a property the contract does not declare, a null where the contract does not allow one, a value
 * of the wrong type or an unknown enum value fails the check. Prints one line per check and
 * {@code client: N passed, M failed} (and {@code , K skipped} when a check could not run for want of what a failed one
 * should have made); exits 1 when a check failed, 2 on wrong arguments.
 *
 * <pre>java -cp ... org.planwatch.smoke.ClientSmoke BASE_URL [ADMIN_KEY]   (or the key in PLANWATCH_ADMIN_KEY)</pre>
 *
 * The program writes only to what it creates: an evaluator {@value #EVALUATOR} without website and a plan
 * {@value #PLAN_START}-{@value #PLAN_END} with one axis, two measures and one evaluation, which it deletes at the end
 * (and at the start, if a previous run left them).
 */
public final class ClientSmoke {

    static final String PLAN = "2019-2021";
    static final String EVALUATOR = "client-smoke";
    static final int PLAN_START = 2197;
    static final int PLAN_END = 2198;
    static final String SMOKE_PLAN = PLAN_START + "-" + PLAN_END;
    /** Before any evaluation: every measure is NOT_ASSESSED there, without a statusSource. */
    static final LocalDate BEFORE_ANY_EVALUATION = LocalDate.of(2000, 1, 1);

    private final ObjectMapper strict;
    private final HttpClient http;
    private final String baseUri;
    private final String adminKey;
    private final PlansApi plans;
    private final MeasuresApi measures;
    private final ProgressApi progress;
    private final EvaluatorsApi evaluators;
    private final EvaluationsApi evaluations;
    private final PlansApi adminPlans;
    private final MeasuresApi adminMeasures;
    private final EvaluatorsApi adminEvaluators;
    private final EvaluationsApi adminEvaluations;
    private final org.planwatch.client.api.AxesApi adminAxes;

    private int passed;
    private int failed;
    private int skipped;

    ClientSmoke(String baseUrl, String adminKey) {
        this.strict = strictMapper();
        this.adminKey = adminKey;
        // Reads go without a key, as the public's do; writes carry the administrator key.
        ApiClient reader = client(baseUrl, null);
        ApiClient writer = client(baseUrl, adminKey);
        this.http = reader.getHttpClient();
        this.baseUri = reader.getBaseUri();
        this.plans = new PlansApi(reader);
        this.measures = new MeasuresApi(reader);
        this.progress = new ProgressApi(reader);
        this.evaluators = new EvaluatorsApi(reader);
        this.evaluations = new EvaluationsApi(reader);
        this.adminPlans = new PlansApi(writer);
        this.adminMeasures = new MeasuresApi(writer);
        this.adminEvaluators = new EvaluatorsApi(writer);
        this.adminEvaluations = new EvaluationsApi(writer);
        this.adminAxes = new org.planwatch.client.api.AxesApi(writer);
    }

    /**
     * The generated client's own ObjectMapper, made strict. Out of the box the generated client (like most) accepts
     * null in every property and ignores properties it does not know: that would hide exactly the answers that do
     * not match the contract. With openApiNullable, the properties the contract marks nullable are JsonNullable in
     * the generated models, so "null fails, except in JsonNullable" is the contract's rule.
     */
    static ObjectMapper strictMapper() {
        ObjectMapper mapper = ApiClient.createDefaultObjectMapper();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // null is refused in every property and in every array...
        mapper.setDefaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL));
        // ...but the properties the contract marks nullable (JsonNullable in the generated models).
        mapper.configOverride(JsonNullable.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SET));
        // No guessing of types: "28" is not an integer, 28 is not a string, "true" is not a boolean.
        for (LogicalType numeric : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(numeric).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        return mapper;
    }

    private ApiClient client(String baseUrl, String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl.replaceAll("/+$", ""));
        client.setObjectMapper(strict);
        client.setHttpClientBuilder(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)));
        client.setReadTimeout(Duration.ofSeconds(30));
        if (key != null) {
            client.setRequestInterceptor(request -> request.setHeader("Authorization", "Bearer " + key));
        }
        return client;
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
            System.err.println("usage: ClientSmoke BASE_URL [ADMIN_KEY]   (the key may also be in PLANWATCH_ADMIN_KEY)");
            System.exit(2);
        }
        String key = args.length == 2 ? args[1] : System.getenv("PLANWATCH_ADMIN_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("ClientSmoke: no administrator key (second argument or PLANWATCH_ADMIN_KEY)");
            System.exit(2);
        }
        ClientSmoke smoke = new ClientSmoke(args[0], key);
        smoke.run();
        System.out.println("client: " + smoke.passed + " passed, " + smoke.failed + " failed"
                + (smoke.skipped == 0 ? "" : ", " + smoke.skipped + " skipped"));
        System.exit(smoke.failed == 0 ? 0 : 1);
    }

    // ---------------------------------------------------------------------------------------------------- the checks

    void run() {
        try {
            get("/api/v1/plans?limit=1");
        } catch (Exception e) {
            failed++;
            System.out.println("FAIL the service at " + baseUri + " answers: " + (e instanceof java.net.ConnectException
                    ? "nothing listens there" : explain(e)));
            return;
        }
        check("the decoder is strict", this::decoderIsStrict);
        check("generated operations are typed", this::operationsAreTyped);

        Plan plan = check("plan " + PLAN, () -> {
            Plan p = plans.getPlan(PLAN, null);
            expect(PLAN.equals(p.getSlug()), "slug " + p.getSlug());
            expect(p.getTitle() != null && p.getTitle().contains("êtres humains"), "title decoded in UTF-8: " + p.getTitle());
            expect(p.getMeasureCount() != null && p.getMeasureCount() > 0, "measureCount " + p.getMeasureCount());
            return p;
        }, p -> p.getMeasureCount() + " measures in " + p.getAxisCount() + " axes, latest evaluation "
                + (p.getLatestEvaluation() == null ? "none" : p.getLatestEvaluation().getId()));

        int[] pages = {0};
        check("every measure of " + PLAN + ", paged by nextCursor", () -> {
            List<Measure> items = new ArrayList<>();
            String cursor = null;
            do {
                PageMeasureView page = measurePage(PLAN, null, cursor, 20);
                items.addAll(page.getItems());
                cursor = page.getNextCursor();
                pages[0]++;
                expect(pages[0] <= 100, "more than 100 pages: the cursor does not advance");
            } while (cursor != null);
            if (plan != null) {
                expect(items.size() == plan.getMeasureCount(), items.size() + " measures listed, the plan says " + plan.getMeasureCount());
            }
            for (Measure m : items) {
                expect(m.getStatus() != null && m.getStatusLabel() != null, "measure " + m.getNumber() + " without status");
            }
            return items;
        }, items -> items.size() + " measures in " + pages[0] + " pages");

        check("a measure with a null comment", () -> {
            Integer number = firstMeasureWithNullComment();
            if (number == null) {
                return "no measure of " + PLAN + " has an assessment without comment: nothing to decode";
            }
            MeasureDetail detail = measures.getMeasure(number, PLAN, null, null);
            expect(detail.getAssessments().stream().anyMatch(a -> a.getComment() == null), "the comment is no longer null");
            return "measure " + number + " decoded";
        }, String::valueOf);

        check("measures as of " + BEFORE_ANY_EVALUATION, () -> {
            PageMeasureView page = measurePage(PLAN, BEFORE_ANY_EVALUATION, null, 200);
            for (Measure m : page.getItems()) {
                expect(m.getStatus() == Status.NOT_ASSESSED && m.getStatusSource() == null,
                        "measure " + m.getNumber() + " is " + m.getStatus() + " with a statusSource");
            }
            return page.getItems().size() + " measures NOT_ASSESSED, statusSource null";
        }, String::valueOf);

        check("measure 16 as of " + BEFORE_ANY_EVALUATION, () -> {
            MeasureDetail m = measures.getMeasure(16, PLAN, BEFORE_ANY_EVALUATION, null);
            expect(m.getStatus() == Status.NOT_ASSESSED && m.getStatusSource() == null, "status " + m.getStatus());
            return "NOT_ASSESSED, statusSource null";
        }, String::valueOf);

        check("progress of " + PLAN, () -> {
            PlanProgress p = progress.getProgress(PLAN, null, null, null);
            expect(p.getEvaluation() == null, "basis " + p.getBasis() + " names an evaluation");
            return counts(p);
        }, String::valueOf);

        // What the writes need, made fresh: an evaluator without website and a plan without evaluation.
        try {
            String leftovers = deleteRaw();
            if (!leftovers.isEmpty()) {
                System.out.println("note a previous run left " + leftovers + ": deleted");
            }
        } catch (Exception e) {
            System.out.println("note could not delete what a previous run left: " + explain(e));
        }

        check("create evaluator " + EVALUATOR + " without website (admin key)", () -> {
            Evaluator e = adminEvaluators.createEvaluator(new EvaluatorInput().slug(EVALUATOR).name("Client Java généré (test)")
                    .shortName("Client").kind(EvaluatorKind.CIVIL_SOCIETY), UUID.randomUUID().toString());
            expect(EVALUATOR.equals(e.getSlug()) && e.getWebsite() == null, "created " + e.getSlug() + " with website " + e.getWebsite());
            return "created";
        }, String::valueOf);

        check("evaluator without website", () -> {
            Evaluator e = evaluators.getEvaluator(EVALUATOR, null);
            expect(e.getWebsite() == null, "website " + e.getWebsite());
            return e.getSlug() + ": website null";
        }, String::valueOf);

        check("every evaluator, paged by nextCursor", () -> {
            int count = 0;
            int withoutWebsite = 0;
            String cursor = null;
            do {
                PageEvaluatorView page = evaluators.listEvaluators(cursor, 1, null);
                for (Evaluator e : page.getItems()) {
                    count++;
                    withoutWebsite += e.getWebsite() == null ? 1 : 0;
                }
                cursor = page.getNextCursor();
                expect(count <= 1000, "more than 1000 evaluators: the cursor does not advance");
            } while (cursor != null);
            expect(withoutWebsite > 0, "the evaluator without website is not listed");
            return count + " evaluators, " + withoutWebsite + " without website";
        }, String::valueOf);

        check("create plan " + SMOKE_PLAN + " (admin key)", () -> {
            // The same operation takes a CSV body, whose plan fields are query parameters: null with a JSON body.
            Plan p = adminPlans.createPlan(new NewPlan().startYear(PLAN_START).endYear(PLAN_END)
                    .title("Plan du test du client Java généré").source(source()),
                    null, null, null, null, null, null, UUID.randomUUID().toString());
            expect(SMOKE_PLAN.equals(p.getSlug()) && p.getLatestEvaluation() == null, "created " + p.getSlug());
            return "created, latestEvaluation null";
        }, String::valueOf);

        check("create an axis and 2 measures (admin key)", () -> {
            adminAxes.createAxis(SMOKE_PLAN, new AxisInput().number(1).title("Axe du test"), null);
            Exception failure = null; // each measure is created even when an answer does not decode: the evaluation needs them
            for (int n = 1; n <= 2; n++) {
                try {
                    MeasureDetail m = adminMeasures.createMeasure(SMOKE_PLAN, new MeasureInput().number(n).axis(1).title("Mesure " + n), null);
                    expect(m.getStatus() == Status.NOT_ASSESSED && m.getStatusSource() == null, "new measure " + n + " is " + m.getStatus());
                } catch (Exception e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return "created, NOT_ASSESSED, statusSource null";
        }, String::valueOf);

        check("plan without evaluation", () -> {
            Plan p = plans.getPlan(SMOKE_PLAN, null);
            expect(p.getLatestEvaluation() == null, "latestEvaluation " + p.getLatestEvaluation());
            return SMOKE_PLAN + ": latestEvaluation null";
        }, String::valueOf);

        check("progress of a plan without evaluation", () -> {
            PlanProgress p = progress.getProgress(SMOKE_PLAN, null, null, null);
            expect(p.getEvaluation() == null, "names an evaluation");
            for (StatusCount c : p.getOverall().getStatuses()) {
                expect(c.getStatus() == Status.NOT_ASSESSED || c.getCount() == 0, c.getStatus() + " counts " + c.getCount());
            }
            return counts(p);
        }, String::valueOf);

        String idempotencyKey = UUID.randomUUID().toString();
        EvaluationDetail created = check("create an evaluation (admin key, Idempotency-Key)",
                () -> createEvaluation(idempotencyKey),
                e -> "evaluation " + e.getId() + ", " + e.getAssessmentCount() + " assessments, summary "
                        + (e.getSummary() == null ? "null" : "given"));

        if (created == null) {
            for (String name : List.of("the same Idempotency-Key returns the same evaluation", "the evaluation in its plan's list",
                    "a measure assessed without comment")) {
                skipped++;
                System.out.println("skip " + name + ": no evaluation was created");
            }
        } else {
            check("the same Idempotency-Key returns the same evaluation", () -> {
                EvaluationDetail again = createEvaluation(idempotencyKey);
                expect(Objects.equals(again.getId(), created.getId()), "a second evaluation " + again.getId());
                return "evaluation " + again.getId();
            }, String::valueOf);

            check("the evaluation in its plan's list", () -> {
                List<Evaluation> listed = evaluations.listEvaluations(SMOKE_PLAN, null, null, null).getItems();
                expect(listed.size() == 1 && Objects.equals(listed.get(0).getId(), created.getId()), listed.size() + " evaluations");
                return "listed, summary " + (listed.get(0).getSummary() == null ? "null" : "given");
            }, String::valueOf);

            check("a measure assessed without comment", () -> {
                MeasureDetail m = measures.getMeasure(2, SMOKE_PLAN, null, null);
                expect(m.getStatus() == Status.IMPLEMENTED, "status " + m.getStatus());
                expect(m.getStatusSource() != null && Objects.equals(m.getStatusSource().getEvaluationId(), created.getId()),
                        "statusSource " + m.getStatusSource());
                expect(m.getAssessments().size() == 1 && m.getAssessments().get(0).getComment() == null, "its comment");
                return "measure 2 IMPLEMENTED, comment null";
            }, String::valueOf);
        }

        check("delete what the run created (If-Match, cascade)", this::deleteSmokeData, String::valueOf);
        try {
            String left = deleteRaw(); // when the generated deletes failed, so that the next run starts clean
            if (!left.isEmpty()) {
                System.out.println("note deleted " + left + " without the generated client");
            }
        } catch (Exception e) {
            System.out.println("note could not delete " + SMOKE_PLAN + " and " + EVALUATOR + ": " + explain(e));
        }
    }

    // ------------------------------------------------------------------------------------------------------ the steps

    /** Known bad answers must fail to decode: else the other checks would prove nothing. */
    private String decoderIsStrict() throws IOException {
        String good = "{\"slug\":\"2019-2021\",\"title\":\"Plan\",\"startYear\":2019,\"measureCount\":45}";
        strict.readValue(good, Plan.class);
        Map<String, String> bad = Map.of(
                "a null where the contract has a string", "{\"slug\":null}",
                "a property the contract lacks", "{\"slug\":\"2019-2021\",\"colour\":\"red\"}",
                "a string for an integer", "{\"startYear\":\"2019\"}",
                "a number for a string", "{\"title\":2019}",
                "a fraction for an integer", "{\"startYear\":2019.5}");
        for (Map.Entry<String, String> sample : bad.entrySet()) {
            expectRejected(sample.getKey(), sample.getValue(), Plan.class);
        }
        expectRejected("an unknown enum value", "{\"status\":\"DONE\",\"count\":1}", StatusCount.class);
        expectRejected("a null in an array", "{\"items\":[null]}", PageMeasureView.class);
        return "rejects " + (bad.size() + 2) + " kinds of answer that break the contract";
    }

    private void expectRejected(String what, String json, Class<?> type) {
        try {
            strict.readValue(json, type);
        } catch (IOException expected) {
            return;
        }
        throw new CheckFailure("accepts " + what + ": " + json);
    }

    /**
     * openapi-generator types an operation by the first media type of its 200 answer and of its request body: when
     * that is text/csv, the generated method returns or takes a String, and a developer gets no model.
     */
    private String operationsAreTyped() {
        List<String> untyped = new ArrayList<>();
        for (Class<?> api : List.of(PlansApi.class, MeasuresApi.class, ProgressApi.class, EvaluatorsApi.class, EvaluationsApi.class,
                org.planwatch.client.api.AxesApi.class, org.planwatch.client.api.ChangesApi.class,
                org.planwatch.client.api.AdministrationApi.class)) {
            for (Method m : api.getDeclaredMethods()) {
                if (!java.lang.reflect.Modifier.isPublic(m.getModifiers()) || m.getName().endsWith("WithHttpInfo")
                        || m.getName().endsWith("Csv") || m.getName().endsWith("Badge") || hasHeadersParameter(m)) {
                    continue;
                }
                if (m.getReturnType() == String.class) {
                    untyped.add(m.getName() + " returns String");
                }
                for (Parameter p : m.getParameters()) {
                    if (p.getName().equals("body") && p.getType() == String.class) {
                        untyped.add(m.getName() + " takes a String body");
                    }
                }
            }
        }
        if (!untyped.isEmpty()) {
            untyped.sort(null);
            throw new CheckFailure(String.join(", ", untyped) + ": the contract lists text/csv before application/json"
                    + " for these (openapi-generator types an operation by its first media type)");
        }
        return "every JSON operation returns and takes generated models";
    }

    private static boolean hasHeadersParameter(Method m) {
        Class<?>[] types = m.getParameterTypes();
        return types.length > 0 && types[types.length - 1] == Map.class;
    }

    /**
     * A page of measures through the generated listMeasures when it is typed; when the contract makes it return a
     * String (see {@link #operationsAreTyped}), the same request's JSON decoded into the generated PageMeasureView, so
     * that the models are checked all the same.
     */
    private PageMeasureView measurePage(String plan, LocalDate asOf, String cursor, int limit) throws Exception {
        if (returns(MeasuresApi.class, "listMeasures", PageMeasureView.class)) {
            return (PageMeasureView) (Object) measures.listMeasures(plan, asOf, null, null, null, null, null, cursor, limit, null);
        }
        StringBuilder query = new StringBuilder("limit=" + limit);
        if (asOf != null) {
            query.append("&asOf=").append(asOf);
        }
        if (cursor != null) {
            query.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return strict.readValue(get("/api/v1/plans/" + plan + "/measures?" + query), PageMeasureView.class);
    }

    /** The number of the first measure with an assessment without comment, found in the raw JSON (not through the models). */
    private Integer firstMeasureWithNullComment() throws Exception {
        for (JsonNode m : strict.readTree(get("/api/v1/plans/" + PLAN + "/measures?limit=200")).path("items")) {
            JsonNode detail = strict.readTree(get("/api/v1/plans/" + PLAN + "/measures/" + m.path("number").asInt()));
            for (JsonNode assessment : detail.path("assessments")) {
                if (assessment.has("comment") && assessment.get("comment").isNull()) {
                    return m.path("number").asInt();
                }
            }
        }
        return null;
    }

    /**
     * Through the generated createEvaluation when it takes the JSON body (a NewEvaluation); when the contract makes
     * it a CSV import (see {@link #operationsAreTyped}), the generated NewEvaluation posted as JSON through the
     * generated client's HTTP client and mapper, and the answer decoded into the generated EvaluationDetail.
     */
    private EvaluationDetail createEvaluation(String idempotencyKey) throws Exception {
        NewEvaluation body = new NewEvaluation()
                .evaluator(EVALUATOR)
                .title("Évaluation du test du client Java")
                .date(LocalDate.of(PLAN_END, 6, 30))
                .source(source())
                .assessments(List.of(
                        new NewAssessment().measure(1).status(Status.PARTIALLY_IMPLEMENTED).comment("Annoncée, pas encore en place.")
                                .evidence(List.of(new EvidenceInput().url("https://www.example.org/annonce").title("Annonce"))),
                        new NewAssessment().measure(2).status(Status.IMPLEMENTED)));
        EvaluationDetail e;
        Method typed = method(EvaluationsApi.class, "createEvaluationWithHttpInfo", NewEvaluation.class);
        if (typed != null) {
            Map<String, Object> args = new HashMap<>(Map.of("plan", SMOKE_PLAN, "idempotencyKey", idempotencyKey));
            for (Parameter p : typed.getParameters()) {
                if (p.getType() == NewEvaluation.class) {
                    args.put(p.getName(), body);
                }
            }
            e = (EvaluationDetail) ((ApiResponse<?>) invoke(adminEvaluations, typed, args)).getData();
        } else {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + "/api/v1/plans/" + SMOKE_PLAN + "/evaluations"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + adminKey)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(strict.writeValueAsString(body)))
                    .build();
            e = strict.readValue(send(request, 201), EvaluationDetail.class);
        }
        expect(SMOKE_PLAN.equals(e.getPlan()) && EVALUATOR.equals(e.getEvaluator().getSlug()), "plan " + e.getPlan());
        expect(e.getAssessmentCount() == 2 && e.getAssessments().size() == 2, e.getAssessmentCount() + " assessments");
        EvaluationAssessment withoutComment = e.getAssessments().get(1);
        expect(withoutComment.getMeasure() == 2 && withoutComment.getComment() == null, "assessment of measure 2");
        return e;
    }

    /** Deletes the smoke plan and evaluator (with what depends on them) through the generated client. */
    private String deleteSmokeData() throws Exception {
        String planTag = etag("/api/v1/plans/" + SMOKE_PLAN);
        expect(planTag != null, "plan " + SMOKE_PLAN + " does not exist");
        adminPlans.deletePlan(SMOKE_PLAN, planTag, true);
        String evaluatorTag = etag("/api/v1/evaluators/" + EVALUATOR);
        expect(evaluatorTag != null, "evaluator " + EVALUATOR + " does not exist");
        adminEvaluators.deleteEvaluator(EVALUATOR, evaluatorTag, true);
        expect(etag("/api/v1/plans/" + SMOKE_PLAN) == null && etag("/api/v1/evaluators/" + EVALUATOR) == null, "still there");
        return "deleted plan " + SMOKE_PLAN + " and evaluator " + EVALUATOR;
    }

    /** Deletes the smoke plan and evaluator when they exist, with plain HTTP: what the checks did not clean up. */
    private String deleteRaw() throws Exception {
        List<String> deleted = new ArrayList<>();
        for (String path : List.of("/api/v1/plans/" + SMOKE_PLAN, "/api/v1/evaluators/" + EVALUATOR)) {
            String tag = etag(path);
            if (tag != null) {
                send(HttpRequest.newBuilder(URI.create(baseUri + path + "?cascade=true")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + adminKey).header("If-Match", tag).DELETE().build(), 204);
                deleted.add(path.substring(path.lastIndexOf('/', path.lastIndexOf('/') - 1) + 1));
            }
        }
        return String.join(" and ", deleted);
    }

    // ---------------------------------------------------------------------------------------------------- the plumbing

    interface Step<T> {
        T run() throws Exception;
    }

    static final class CheckFailure extends RuntimeException {
        CheckFailure(String message) {
            super(message);
        }
    }

    private <T> T check(String name, Step<T> step, java.util.function.Function<T, String> describe) {
        try {
            T result = step.run();
            passed++;
            System.out.println("ok   " + name + ": " + describe.apply(result));
            return result;
        } catch (Exception e) {
            failed++;
            System.out.println("FAIL " + name + ": " + explain(e));
            return null;
        }
    }

    private void check(String name, Step<String> step) {
        check(name, step, String::valueOf);
    }

    /** What went wrong, in one line: a decoding error names the property and the JSON path. */
    static String explain(Throwable e) {
        Throwable t = e;
        while ((t instanceof InvocationTargetException || t instanceof ApiException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof com.fasterxml.jackson.databind.JsonMappingException j) {
            return "decoding error: " + j.getOriginalMessage().replace('\n', ' ') + " at " + path(j);
        }
        if (t instanceof ApiException a) {
            return "HTTP " + a.getCode() + ": " + oneLine(a.getResponseBody() != null ? a.getResponseBody() : a.getMessage());
        }
        if (t instanceof CheckFailure) {
            return t.getMessage();
        }
        return t.getClass().getSimpleName() + ": " + oneLine(String.valueOf(t.getMessage()));
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String from = e.getPath().isEmpty() || e.getPath().get(0).getFrom() == null ? ""
                : " (" + simpleName(e.getPath().get(0).getFrom()) + ")";
        return path + from;
    }

    private static String simpleName(Object from) {
        return from instanceof Class<?> c ? c.getSimpleName() : from.getClass().getSimpleName();
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }

    private static void expect(boolean condition, String otherwise) {
        if (!condition) {
            throw new CheckFailure(otherwise);
        }
    }

    private static String counts(PlanProgress p) {
        StringBuilder text = new StringBuilder("basis " + p.getBasis() + ",");
        long total = 0;
        for (StatusCount c : p.getOverall().getStatuses()) {
            text.append(' ').append(c.getStatus()).append(' ').append(c.getCount());
            total += c.getCount();
        }
        expect(total == p.getOverall().getMeasureCount(), "the counts add up to " + total + ", not " + p.getOverall().getMeasureCount());
        return text + ", evaluation " + (p.getEvaluation() == null ? "null" : p.getEvaluation().getId());
    }

    private static SourceInput source() {
        return new SourceInput().title("Source du test du client Java").url("https://www.example.org/client-smoke");
    }

    private static boolean returns(Class<?> api, String name, Class<?> type) {
        for (Method m : api.getMethods()) {
            if (m.getName().equals(name)) {
                return m.getReturnType() == type;
            }
        }
        return false;
    }

    /** The overload of {@code name} without the trailing map of extra headers that has a parameter of {@code type}. */
    private static Method method(Class<?> api, String name, Class<?> type) {
        for (Method m : api.getMethods()) {
            if (m.getName().equals(name) && !hasHeadersParameter(m) && List.of(m.getParameterTypes()).contains(type)) {
                return m;
            }
        }
        return null;
    }

    /** Calls a generated method by its parameters' names (the project compiles with -parameters); others get null. */
    private static Object invoke(Object api, Method method, Map<String, Object> args) throws Exception {
        Object[] values = new Object[method.getParameterCount()];
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < values.length; i++) {
            values[i] = args.get(parameters[i].getName());
        }
        try {
            return method.invoke(api, values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json").GET().build(), 200);
    }

    /** The resource's ETag, or null when it does not exist. */
    private String etag(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new CheckFailure("GET " + path + " answered " + response.statusCode() + ": " + oneLine(response.body()));
        }
        return response.headers().firstValue("ETag").orElseThrow(() -> new CheckFailure("GET " + path + " has no ETag"));
    }

    private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            throw new CheckFailure(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode() + ": "
                    + oneLine(response.body()));
        }
        return response.body();
    }
}
