package org.planwatch.security;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.as;
import static org.planwatch.Api.json;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.Api;
import org.planwatch.TestData;

@QuarkusTest
class ApiKeyTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private static Map<String, Object> listed(long id) {
        return Api.all(admin(), "/api/v1/api-keys").stream()
                .filter(k -> ((Number) k.get("id")).longValue() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("API key " + id + " is not listed"));
    }

    @Test
    void createsAnEvaluatorKeyShownOnceAndListedWithoutItsSecret() {
        String evaluator = data.evaluator();

        Response created = json(
                        admin(),
                        Map.of("name", " CNCDH — saisie des avis ", "role", "EVALUATOR", "evaluator", evaluator))
                .post("/api/v1/api-keys");
        created.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("key", matchesPattern("pw_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}"))
                .body("apiKey.id", notNullValue())
                .body("apiKey.name", equalTo("CNCDH — saisie des avis"))
                .body("apiKey.role", equalTo("EVALUATOR"))
                .body("apiKey.evaluator", equalTo(evaluator))
                .body("apiKey.createdAt", notNullValue())
                .body("apiKey", hasEntry(equalTo("lastUsedAt"), nullValue()))
                .body("apiKey", hasEntry(equalTo("revokedAt"), nullValue()));
        String secret = created.path("key");
        long id = created.jsonPath().getLong("apiKey.id");
        created.then()
                .header("Location", endsWith("/api/v1/api-keys/" + id))
                .body("apiKey.prefix", equalTo(secret.substring(0, 16)));
        data.deleteAfterwards("/api/v1/api-keys/" + id);

        Map<String, Object> listed = listed(id);
        assertEquals("EVALUATOR", listed.get("role"));
        assertEquals(evaluator, listed.get("evaluator"));
        assertEquals(secret.substring(0, 16), listed.get("prefix"));
        assertFalse(listed.containsKey("key"), "a listed key carries no secret");
        assertFalse(
                Api.all(admin(), "/api/v1/api-keys").toString().contains(secret.substring(16)),
                "no listed key shows a secret");
    }

    @Test
    void theCreatedKeyIsListedExactlyAsTheCreationAnsweredIt() {
        String evaluator = data.evaluator();
        Response created = json(admin(), Map.of("name", "clé", "role", "EVALUATOR", "evaluator", evaluator))
                .post("/api/v1/api-keys");
        created.then().statusCode(201);
        long id = created.jsonPath().getLong("apiKey.id");
        data.deleteAfterwards("/api/v1/api-keys/" + id);

        // createdAt included: a client that stores the answer must see the same key when it lists them.
        // Fails as of this writing: the creation answers createdAt in nanoseconds, the database keeps microseconds.
        assertEquals(created.jsonPath().getMap("apiKey"), listed(id));
    }

    @Test
    void aKeysLastUseIsRecorded() {
        String evaluator = data.evaluator();
        TestData.Key key = data.key(evaluator);
        Map<String, Object> unused = listed(key.id());
        assertTrue(
                unused.containsKey("lastUsedAt") && unused.get("lastUsedAt") == null,
                "a key never used has lastUsedAt null: " + unused);

        String plan = data.planWithMeasures(1);
        json(as(key.secret()), TestData.evaluationBody(evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED")))
                .post("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .statusCode(201);

        assertNotNull(listed(key.id()).get("lastUsedAt"), "a used key has a lastUsedAt");
    }

    @Test
    void aNewAdminKeyMayWriteEverything() {
        TestData.Key key = data.adminKey();
        assertEquals("ADMIN", listed(key.id()).get("role"));
        Map<String, Object> admin = listed(key.id());
        assertTrue(
                admin.containsKey("evaluator") && admin.get("evaluator") == null,
                "an ADMIN key's evaluator is null: " + admin);

        String slug = "test-admin-" + key.id();
        data.deleteAfterwards("/api/v1/evaluators/" + slug + "?cascade=true");
        json(as(key.secret()), TestData.evaluatorBody(slug, "Créé par une clé d'administration", "GOVERNMENT"))
                .post("/api/v1/evaluators")
                .then()
                .statusCode(201);
        as(key.secret()).get("/api/v1/api-keys").then().statusCode(200);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnceAndStaysListed() {
        String evaluator = data.evaluator();
        TestData.Key key = data.key(evaluator);
        String plan = data.planWithMeasures(1);
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        json(as(key.secret()), TestData.evaluationBody(evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED")))
                .post(evaluations)
                .then()
                .statusCode(201);

        admin().delete("/api/v1/api-keys/" + key.id()).then().statusCode(204);

        Response refused = json(
                        as(key.secret()),
                        TestData.evaluationBody(evaluator, "2150-02-01", Map.of(1, "NOT_IMPLEMENTED")))
                .post(evaluations);
        assertProblem(refused, 401, "Unauthorized", evaluations).header("WWW-Authenticate", startsWith("Bearer"));
        assertNotNull(listed(key.id()).get("revokedAt"), "a revoked key is listed with its revocation time");
        Api.all(evaluations).forEach(e -> assertEquals("2150-01-01", e.get("date")));
        // revoking again changes nothing
        Object revokedAt = listed(key.id()).get("revokedAt");
        admin().delete("/api/v1/api-keys/" + key.id()).then().statusCode(204);
        assertEquals(revokedAt, listed(key.id()).get("revokedAt"));
    }

    @Test
    void revokingAnUnknownKeyIsA404() {
        assertProblem(
                admin().delete("/api/v1/api-keys/999999999"), 404, "Resource not found", "/api/v1/api-keys/999999999");
    }
}
