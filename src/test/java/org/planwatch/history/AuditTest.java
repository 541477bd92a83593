package org.planwatch.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.as;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;
import static org.planwatch.Api.read;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.AuditTrail;
import org.planwatch.TestData;

/** The audit trail: every write, who made it, and the resource before and after, for administrators only. */
@QuarkusTest
class AuditTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void anUpdateIsAuditedWithTheResourceBeforeAndAfter() {
        String plan = data.planWithMeasures(1);
        String path = "/api/v1/plans/" + plan + "/measures/1";
        Object before = read(path);
        AuditTrail mark = AuditTrail.mark();

        json(admin().header("If-Match", etag(path)), Map.of("number", 1, "axis", 2, "title", "Mesure révisée"))
                .put(path)
                .then()
                .statusCode(200);

        List<Map<String, Object>> entries = mark.entriesSince();
        assertEquals(1, entries.size(), entries.toString());
        Map<String, Object> entry = entries.get(0);
        assertEquals("PUT", entry.get("method"));
        assertEquals(path, entry.get("requestPath"));
        assertEquals("UPDATED", entry.get("action"));
        assertEquals(path, entry.get("resource"));
        assertEquals("ADMIN", entry.get("role"));
        assertNull(entry.get("apiKeyId"), "the administrator key of the configuration has no id");
        assertNotNull(entry.get("actor"));
        assertNotNull(entry.get("at"));
        assertEquals(before, entry.get("before"), "before is the resource as GET showed it");
        assertEquals(read(path), entry.get("after"), "after is the resource as GET shows it");
    }

    @Test
    void anEvaluatorsWriteIsAuditedWithItsKey() {
        String plan = data.planWithMeasures(1);
        String evaluator = data.evaluator();
        TestData.Key key = data.key(evaluator);
        AuditTrail mark = AuditTrail.mark();

        Response created = json(
                        as(key.secret()), TestData.evaluationBody(evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED")))
                .post("/api/v1/plans/" + plan + "/evaluations");
        created.then().statusCode(201);

        List<Map<String, Object>> entries = mark.entriesSince();
        assertEquals(1, entries.size(), entries.toString());
        Map<String, Object> entry = entries.get(0);
        String path = "/api/v1/evaluations/" + created.jsonPath().getLong("id");
        assertEquals("clé " + evaluator, entry.get("actor"));
        assertEquals("EVALUATOR", entry.get("role"));
        assertEquals(key.id(), ((Number) entry.get("apiKeyId")).longValue());
        assertEquals("POST", entry.get("method"));
        assertEquals("/api/v1/plans/" + plan + "/evaluations", entry.get("requestPath"));
        assertEquals("CREATED", entry.get("action"));
        assertEquals(path, entry.get("resource"));
        assertNull(entry.get("before"), "a creation has no before");
        assertEquals(read(path), entry.get("after"));
    }

    @Test
    void aDeleteIsAuditedWithTheResourceAsItWas() {
        String slug = data.evaluator();
        String path = "/api/v1/evaluators/" + slug;
        Object before = read(path);
        AuditTrail mark = AuditTrail.mark();

        admin().header("If-Match", etag(path)).delete(path).then().statusCode(204);

        List<Map<String, Object>> entries = mark.entriesSince();
        assertEquals(1, entries.size(), entries.toString());
        assertEquals("DELETE", entries.get(0).get("method"));
        assertEquals("DELETED", entries.get(0).get("action"));
        assertEquals(path, entries.get(0).get("resource"));
        assertEquals(before, entries.get(0).get("before"));
        assertNull(entries.get(0).get("after"), "a deletion has no after");
    }

    @Test
    void apiKeyWritesAreAuditedWithoutTheirSecret() {
        String evaluator = data.evaluator();
        AuditTrail mark = AuditTrail.mark();

        TestData.Key key = data.key(evaluator);
        admin().delete("/api/v1/api-keys/" + key.id()).then().statusCode(204);

        List<Map<String, Object>> entries = mark.entriesSince();
        assertEquals(
                List.of("CREATED", "UPDATED"),
                entries.stream().map(e -> e.get("action")).toList());
        entries.forEach(e -> assertEquals("/api/v1/api-keys/" + key.id(), e.get("resource")));
        assertNotNull(((Map<?, ?>) entries.get(1).get("after")).get("revokedAt"));
        assertFalse(entries.toString().contains(key.secret().substring(16)), "the secret is never kept");
    }

    @Test
    void theTrailIsOldestFirst() {
        String plan = data.plan();
        AuditTrail mark = AuditTrail.mark();
        data.axis(plan, 1);
        data.axis(plan, 2);
        data.measure(plan, 1, 2);

        List<Map<String, Object>> entries = mark.entriesSince();
        assertEquals(
                List.of(
                        "/api/v1/plans/" + plan + "/axes/1",
                        "/api/v1/plans/" + plan + "/axes/2",
                        "/api/v1/plans/" + plan + "/measures/1"),
                entries.stream().map(e -> e.get("resource")).toList());
        List<Long> ids =
                entries.stream().map(e -> ((Number) e.get("id")).longValue()).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void onlyAdministratorsReadTheTrail() {
        TestData.Key key = data.key(data.evaluator());

        assertProblem(given().get("/api/v1/audit"), 401, "Unauthorized", "/api/v1/audit")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"planwatch\""));
        assertProblem(as(key.secret()).get("/api/v1/audit"), 403, "Forbidden", "/api/v1/audit");
        admin().get("/api/v1/audit").then().statusCode(200);
    }
}
