package org.planwatch.history;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.as;
import static org.planwatch.Api.json;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.Api;
import org.planwatch.AuditTrail;
import org.planwatch.Feed;
import org.planwatch.TestData;

/** POST with an Idempotency-Key: a retry gets the first answer again and writes nothing new. */
@QuarkusTest
class IdempotencyTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private static String newKey() {
        return "retry-" + UUID.randomUUID();
    }

    private static int evaluationCount(String plan) {
        return Api.all("/api/v1/plans/" + plan + "/evaluations").size();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndRecordsNothingNew() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        TestData.Key key = data.key(evaluator);
        String idempotencyKey = newKey();
        Map<String, Object> body =
                TestData.evaluationBody(evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED", 2, "NOT_IMPLEMENTED"));
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";

        Response first = json(as(key.secret()).header("Idempotency-Key", idempotencyKey), body)
                .post(evaluations);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        String feed = Feed.end(plan);
        AuditTrail audit = AuditTrail.mark();

        Response retry = json(as(key.secret()).header("Idempotency-Key", idempotencyKey), body)
                .post(evaluations);

        retry.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        assertEquals(first.jsonPath().getMap("$"), retry.jsonPath().getMap("$"), "the same body");
        assertEquals(first.header("Location"), retry.header("Location"), "the same Location");
        assertEquals(first.header("ETag"), retry.header("ETag"), "the same ETag");
        assertEquals(1, evaluationCount(plan), "one evaluation recorded");
        assertEquals(List.of(), Feed.since(feed, plan), "no change recorded by the retry");
        assertEquals(List.of(), audit.entriesSince(), "no write audited for the retry");
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422AndRecordsNothing() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        String idempotencyKey = newKey();
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        json(
                        admin().header("Idempotency-Key", idempotencyKey),
                        TestData.evaluationBody(evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED")))
                .post(evaluations)
                .then()
                .statusCode(201);

        Response other = json(
                        admin().header("Idempotency-Key", idempotencyKey),
                        TestData.evaluationBody(evaluator, "2150-01-01", Map.of(1, "NOT_IMPLEMENTED")))
                .post(evaluations);

        assertProblem(other, 422, "Unprocessable content", evaluations)
                .body("errors.field", equalTo(List.of("Idempotency-Key")));
        assertEquals(1, evaluationCount(plan));
        assertEquals(
                "IMPLEMENTED",
                Api.readMap("/api/v1/plans/" + plan + "/measures/1").get("status"));
    }

    @Test
    void keysBelongToTheirApiKey() {
        String plan = data.planWithMeasures(1);
        String evaluator = data.evaluator();
        String idempotencyKey = newKey();
        Map<String, Object> body = TestData.evaluationBody(evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED"));
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";

        Response byEvaluator = json(as(data.key(evaluator).secret()).header("Idempotency-Key", idempotencyKey), body)
                .post(evaluations);
        Response byAdmin =
                json(admin().header("Idempotency-Key", idempotencyKey), body).post(evaluations);

        byEvaluator.then().statusCode(201);
        byAdmin.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertNotEquals(byEvaluator.jsonPath().getLong("id"), byAdmin.jsonPath().getLong("id"));
        assertEquals(2, evaluationCount(plan));
    }

    @Test
    void aRetriedCsvImportGetsTheFirstAnswer() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        String idempotencyKey = newKey();
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        Map<String, Object> metadata = Map.of(
                "evaluator",
                evaluator,
                "title",
                "Import",
                "date",
                "2150-01-01",
                "sourceTitle",
                "Rapport",
                "sourceUrl",
                "https://www.example.fr/rapport");
        String csv = "measure,status\n1,IMPLEMENTED\n2,NOT_IMPLEMENTED\n";

        Response first = Api.csv(
                        admin().header("Idempotency-Key", idempotencyKey).queryParams(metadata), csv)
                .post(evaluations);
        Response retry = Api.csv(
                        admin().header("Idempotency-Key", idempotencyKey).queryParams(metadata), csv)
                .post(evaluations);
        Response other = Api.csv(
                        admin().header("Idempotency-Key", idempotencyKey).queryParams(metadata),
                        csv.replace("2,NOT", "2,PARTIALLY"))
                .post(evaluations);

        first.then().statusCode(201);
        retry.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        assertEquals(first.jsonPath().getMap("$"), retry.jsonPath().getMap("$"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertProblem(other, 422, "Unprocessable content", evaluations)
                .body("errors.field", equalTo(List.of("Idempotency-Key")));
        assertEquals(1, evaluationCount(plan));
    }

    @Test
    void aRetriedPlanCreationIsNotAConflict() {
        String idempotencyKey = newKey();
        int start = data.freeStartYear(0);
        String created = start + "-" + start;
        Map<String, Object> body = TestData.planBody(start, start, "Plan créé une seule fois");

        Response first =
                json(admin().header("Idempotency-Key", idempotencyKey), body).post("/api/v1/plans");
        Response retry =
                json(admin().header("Idempotency-Key", idempotencyKey), body).post("/api/v1/plans");

        first.then().statusCode(201);
        retry.then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("slug", equalTo(created));
        assertProblem(json(admin(), body).post("/api/v1/plans"), 409, "Conflict", "/api/v1/plans");
    }

    @Test
    void anIdempotencyKeyMustBe1To255Characters() {
        String plan = data.planWithMeasures(1);
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        Map<String, Object> body = TestData.evaluationBody(data.evaluator(), "2150-01-01", Map.of(1, "IMPLEMENTED"));

        assertProblem(
                        json(admin().header("Idempotency-Key", "k".repeat(256)), body)
                                .post(evaluations),
                        400,
                        "Invalid parameter",
                        evaluations)
                .body("errors.field", equalTo(List.of("Idempotency-Key")));
        assertEquals(0, evaluationCount(plan));
        json(admin().header("Idempotency-Key", (newKey() + "k".repeat(255)).substring(0, 255)), body)
                .post(evaluations)
                .then()
                .statusCode(201);
    }
}
