package org.planwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.as;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planwatch.Api;
import org.planwatch.AuditTrail;
import org.planwatch.TestData;

/**
 * Every write operation (and the two administrative reads) against every kind of caller: no key,
 * a malformed Authorization header, an unknown or revoked key (401 with WWW-Authenticate), an
 * evaluator key on an administrator's operation or on another evaluator's data (403), and the
 * administrator (success). A refused request writes nothing: the audit trail does not grow.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String CHALLENGE = "Bearer realm=\"planwatch\"";

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    /**
     * What the operations work on. {@code own} is the evaluator whose key is tried; {@code other} owns
     * the evaluation the evaluation operations target. {@code emptyPlan}, {@code spareEvaluator} and
     * {@code spareKey} are there to be deleted.
     */
    record World(
            String plan,
            String emptyPlan,
            int freeStartYear,
            String own,
            String other,
            String spareEvaluator,
            TestData.Key ownKey,
            TestData.Key revokedKey,
            TestData.Key spareKey,
            long otherEvaluation,
            TestData.Key subscriberKey,
            long webhook,
            String message,
            TestData data) {}

    private World world() {
        String plan = data.planWithMeasures(3);
        String emptyPlan = data.plan();
        String own = data.evaluator();
        String other = data.evaluator();
        String spare = data.evaluator();
        TestData.Key ownKey = data.key(own);
        TestData.Key revoked = data.key(own);
        admin().delete("/api/v1/api-keys/" + revoked.id()).then().statusCode(204);
        TestData.Key spareKey = data.key(spare);
        long evaluation = data.evaluation(plan, other, "2150-01-01", Map.of(1, "IMPLEMENTED"));
        TestData.Key subscriber = data.subscriberKey();
        long webhook = json(admin(), webhookBody())
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("webhook.id");
        data.deleteAfterwards("/api/v1/webhooks/" + webhook);
        String message = admin().post("/api/v1/webhooks/" + webhook + "/test")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        return new World(
                plan,
                emptyPlan,
                data.freeStartYear(0),
                own,
                other,
                spare,
                ownKey,
                revoked,
                spareKey,
                evaluation,
                subscriber,
                webhook,
                message,
                data);
    }

    /** A subscription to a port where nothing listens: its messages fail, and wait for their retries. */
    private static Map<String, Object> webhookBody() {
        return Map.of("url", "http://127.0.0.1:9/planwatch", "events", List.of("evaluation.created"));
    }

    enum Scope {
        /** Administrators only: an evaluator key is refused even for its own evaluator. */
        ADMIN,
        /** An evaluator's data: its own key may, another evaluator's key may not. */
        EVALUATOR,
        /** A webhook subscription: the administrator's here, which a SUBSCRIBER key (managing its own only) may not touch. */
        SUBSCRIPTION
    }

    /** One operation: how to send it, and what the administrator gets. */
    record Operation(
            String name,
            Scope scope,
            String method,
            Function<World, String> path,
            boolean ifMatch,
            Function<World, Map<String, Object>> query,
            Function<World, Object> body,
            int success) {

        @Override
        public String toString() {
            return name;
        }

        Response send(RequestSpecification request, World world) {
            String target = path.apply(world);
            if (ifMatch) {
                request.header(
                        "If-Match",
                        scope == Scope.SUBSCRIPTION ? admin().get(target).header("ETag") : etag(target));
            }
            query.apply(world).forEach(request::queryParam);
            Object content = body.apply(world);
            if (content instanceof String csv) {
                Api.csv(request, csv);
            } else if (content != null) {
                json(request, content);
            }
            return request.request(method, target);
        }
    }

    private static Operation op(
            String name,
            Scope scope,
            String method,
            Function<World, String> path,
            boolean ifMatch,
            Function<World, Object> body,
            int success) {
        return new Operation(name, scope, method, path, ifMatch, w -> Map.of(), body, success);
    }

    private static String plan(World w) {
        return "/api/v1/plans/" + w.plan();
    }

    private static String webhook(World w) {
        return "/api/v1/webhooks/" + w.webhook();
    }

    private static String evaluation(World w) {
        return "/api/v1/evaluations/" + w.otherEvaluation();
    }

    static Stream<Operation> operations() {
        return Stream.of(
                op(
                        "create a plan",
                        Scope.ADMIN,
                        "POST",
                        w -> "/api/v1/plans",
                        false,
                        w -> TestData.planBody(w.freeStartYear(), w.freeStartYear(), "Nouveau plan"),
                        201),
                new Operation(
                        "load a plan from CSV",
                        Scope.ADMIN,
                        "POST",
                        w -> "/api/v1/plans",
                        false,
                        w -> Map.of(
                                "startYear", w.freeStartYear(),
                                "endYear", w.freeStartYear(),
                                "title", "Plan chargé",
                                "sourceTitle", "Plan",
                                "sourceUrl", "https://www.example.fr/plan"),
                        w ->
                                "axis;axisTitle;measure;title;lead;dueBy;continues\n1;Axe;1;Mesure;MIPROF;2030;2019-2021/16\n",
                        201),
                op(
                        "update a plan",
                        Scope.ADMIN,
                        "PUT",
                        AuthorizationMatrixTest::plan,
                        true,
                        w -> TestData.planBody(
                                Integer.parseInt(w.plan().substring(0, 4)),
                                Integer.parseInt(w.plan().substring(5)),
                                "Renommé"),
                        200),
                new Operation(
                        "delete a plan",
                        Scope.ADMIN,
                        "DELETE",
                        w -> "/api/v1/plans/" + w.emptyPlan(),
                        true,
                        w -> Map.of("cascade", true),
                        w -> null,
                        204),
                op(
                        "create an axis",
                        Scope.ADMIN,
                        "POST",
                        w -> plan(w) + "/axes",
                        false,
                        w -> Map.of("number", 3, "title", "Axe 3"),
                        201),
                op(
                        "update an axis",
                        Scope.ADMIN,
                        "PUT",
                        w -> plan(w) + "/axes/1",
                        true,
                        w -> Map.of("number", 1, "title", "Axe renommé"),
                        200),
                op("delete an axis", Scope.ADMIN, "DELETE", w -> plan(w) + "/axes/2", true, w -> null, 204),
                op(
                        "create a measure",
                        Scope.ADMIN,
                        "POST",
                        w -> plan(w) + "/measures",
                        false,
                        w -> Map.of("number", 4, "axis", 1, "title", "Mesure 4"),
                        201),
                op(
                        "update a measure",
                        Scope.ADMIN,
                        "PUT",
                        w -> plan(w) + "/measures/2",
                        true,
                        w -> Map.of("number", 2, "axis", 2, "title", "Mesure déplacée"),
                        200),
                op("delete a measure", Scope.ADMIN, "DELETE", w -> plan(w) + "/measures/3", true, w -> null, 204),
                op(
                        "create an evaluator",
                        Scope.ADMIN,
                        "POST",
                        w -> "/api/v1/evaluators",
                        false,
                        w -> {
                            String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
                            w.data().deleteAfterwards("/api/v1/evaluators/" + slug + "?cascade=true");
                            return TestData.evaluatorBody(slug, "Nouvel évaluateur", "GOVERNMENT");
                        },
                        201),
                op(
                        "update an evaluator",
                        Scope.ADMIN,
                        "PUT",
                        w -> "/api/v1/evaluators/" + w.own(),
                        true,
                        w -> TestData.evaluatorBody(w.own(), "Renommé par son évaluateur ?", "CIVIL_SOCIETY"),
                        200),
                new Operation(
                        "delete an evaluator",
                        Scope.ADMIN,
                        "DELETE",
                        w -> "/api/v1/evaluators/" + w.spareEvaluator(),
                        true,
                        w -> Map.of("cascade", true),
                        w -> null,
                        204),
                op(
                        "create an API key",
                        Scope.ADMIN,
                        "POST",
                        w -> "/api/v1/api-keys",
                        false,
                        w -> Map.of("name", "clé demandée par un évaluateur", "role", "ADMIN"),
                        201),
                op(
                        "revoke an API key",
                        Scope.ADMIN,
                        "DELETE",
                        w -> "/api/v1/api-keys/" + w.spareKey().id(),
                        false,
                        w -> null,
                        204),
                op("list API keys", Scope.ADMIN, "GET", w -> "/api/v1/api-keys", false, w -> null, 200),
                op(
                        "subscribe to webhooks",
                        Scope.ADMIN,
                        "POST",
                        w -> "/api/v1/webhooks",
                        false,
                        w -> webhookBody(),
                        201),
                op("list webhook subscriptions", Scope.ADMIN, "GET", w -> "/api/v1/webhooks", false, w -> null, 200),
                op(
                        "get a webhook subscription",
                        Scope.SUBSCRIPTION,
                        "GET",
                        AuthorizationMatrixTest::webhook,
                        false,
                        w -> null,
                        200),
                op(
                        "replace a webhook subscription",
                        Scope.SUBSCRIPTION,
                        "PUT",
                        AuthorizationMatrixTest::webhook,
                        true,
                        w -> webhookBody(),
                        200),
                op(
                        "delete a webhook subscription",
                        Scope.SUBSCRIPTION,
                        "DELETE",
                        AuthorizationMatrixTest::webhook,
                        true,
                        w -> null,
                        204),
                op(
                        "rotate a webhook secret",
                        Scope.SUBSCRIPTION,
                        "POST",
                        w -> webhook(w) + "/rotate-secret",
                        false,
                        w -> null,
                        200),
                op("ping a webhook", Scope.SUBSCRIPTION, "POST", w -> webhook(w) + "/test", false, w -> null, 202),
                op(
                        "list a webhook's deliveries",
                        Scope.SUBSCRIPTION,
                        "GET",
                        w -> webhook(w) + "/deliveries",
                        false,
                        w -> null,
                        200),
                op(
                        "retry a webhook message",
                        Scope.SUBSCRIPTION,
                        "POST",
                        w -> webhook(w) + "/deliveries/" + w.message() + "/retry",
                        false,
                        w -> null,
                        202),
                op("read the audit trail", Scope.ADMIN, "GET", w -> "/api/v1/audit", false, w -> null, 200),
                op(
                        "record an evaluation of another evaluator",
                        Scope.EVALUATOR,
                        "POST",
                        w -> plan(w) + "/evaluations",
                        false,
                        w -> TestData.evaluationBody(w.other(), "2151-01-01", Map.of(2, "NOT_IMPLEMENTED")),
                        201),
                new Operation(
                        "import a CSV evaluation of another evaluator",
                        Scope.EVALUATOR,
                        "POST",
                        w -> plan(w) + "/evaluations",
                        false,
                        w -> Map.of(
                                "evaluator",
                                w.other(),
                                "title",
                                "Import",
                                "date",
                                "2151-02-01",
                                "sourceTitle",
                                "Rapport",
                                "sourceUrl",
                                "https://www.example.fr/rapport"),
                        w -> "measure,status\n2,PARTIALLY_IMPLEMENTED\n",
                        201),
                op(
                        "update another evaluator's evaluation",
                        Scope.EVALUATOR,
                        "PUT",
                        AuthorizationMatrixTest::evaluation,
                        true,
                        w -> Map.of(
                                "title",
                                "Titre",
                                "date",
                                "2150-01-02",
                                "source",
                                TestData.source("Rapport", "https://www.example.fr/r")),
                        200),
                op(
                        "delete another evaluator's evaluation",
                        Scope.EVALUATOR,
                        "DELETE",
                        AuthorizationMatrixTest::evaluation,
                        true,
                        w -> null,
                        204),
                op(
                        "create an assessment in another evaluator's evaluation",
                        Scope.EVALUATOR,
                        "PUT",
                        w -> evaluation(w) + "/assessments/2",
                        false,
                        w -> Map.of("status", "NOT_IMPLEMENTED"),
                        201),
                op(
                        "replace an assessment of another evaluator",
                        Scope.EVALUATOR,
                        "PUT",
                        w -> evaluation(w) + "/assessments/1",
                        true,
                        w -> Map.of("status", "PARTIALLY_IMPLEMENTED"),
                        200),
                op(
                        "delete an assessment of another evaluator",
                        Scope.EVALUATOR,
                        "DELETE",
                        w -> evaluation(w) + "/assessments/1",
                        true,
                        w -> null,
                        204));
    }

    /** Callers that are not authenticated, each with its Authorization header (none for the first). */
    private static Map<String, String> unauthenticated(World w) {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("no key", null);
        callers.put("Basic credentials", "Basic YWRtaW46YWRtaW4=");
        callers.put("Bearer without a key", "Bearer");
        callers.put("a key in another scheme", "Token " + w.ownKey().secret());
        callers.put("not a Planwatch key", "Bearer not-a-planwatch-key");
        callers.put("an unknown key", "Bearer pw_AAAAAAAAAAAA_" + "A".repeat(43));
        callers.put("a forged secret", "Bearer " + w.ownKey().secret().substring(0, 16) + "B".repeat(43));
        callers.put("a revoked key", "Bearer " + w.revokedKey().secret());
        return callers;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void onlyTheRightKeyMay(Operation operation) {
        World world = world();
        String path = operation.path().apply(world);
        boolean writes = !operation.method().equals("GET");
        AuditTrail mark = AuditTrail.mark();

        unauthenticated(world).forEach((caller, header) -> {
            RequestSpecification request = header == null ? given() : given().header("Authorization", header);
            assertProblem(operation.send(request, world), 401, "Unauthorized", path)
                    .header("WWW-Authenticate", equalTo(CHALLENGE));
        });
        assertProblem(operation.send(as(world.ownKey().secret()), world), 403, "Forbidden", path);
        if (operation.scope() == Scope.SUBSCRIPTION) {
            assertProblem(operation.send(as(world.subscriberKey().secret()), world), 403, "Forbidden", path);
        }
        assertEquals(List.of(), mark.entriesSince(), "a refused request writes nothing");

        Response allowed = operation.send(admin(), world);
        allowed.then().statusCode(operation.success());
        if (writes && operation.success() < 300) {
            List<Map<String, Object>> written = mark.entriesSince();
            assertEquals(1, written.size(), "the administrator's write is audited: " + written);
            assertEquals(operation.method(), written.get(0).get("method"));
            assertEquals(path, written.get(0).get("requestPath"));
        }
        if (operation.name().equals("subscribe to webhooks")) {
            world.data()
                    .deleteAfterwards("/api/v1/webhooks/" + allowed.jsonPath().getLong("webhook.id"));
        }
        if (operation.name().equals("create an API key")) {
            world.data()
                    .deleteAfterwards("/api/v1/api-keys/" + allowed.jsonPath().getLong("apiKey.id"));
        }
    }
}
