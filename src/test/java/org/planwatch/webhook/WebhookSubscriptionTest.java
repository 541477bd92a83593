package org.planwatch.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.as;
import static org.planwatch.Api.json;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planwatch.TestData;

/**
 * The subscriptions API as production runs it: private targets refused (the SSRF checks), who may see and change
 * which subscription, and what a refused request answers. This instance sends nothing (dispatch is off): these tests
 * are about what is accepted, not delivered.
 */
@QuarkusTest
@TestProfile(WebhookSubscriptionTest.Production.class)
class WebhookSubscriptionTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planwatch.webhooks.allow-private-targets", "false", "planwatch.webhooks.dispatch", "false");
        }
    }

    static final String WEBHOOKS = "/api/v1/webhooks";
    /** A public address, written as one so that no name needs resolving. */
    static final String PUBLIC_URL = "https://93.184.215.14/planwatch-hook";

    private final TestData data = new TestData();

    @Inject
    Dispatcher dispatcher;

    @Inject
    DataSource dataSource;

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    static Map<String, Object> body(String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("events", List.of("measure.status_changed"));
        return body;
    }

    private long create(RequestSpecification as, Map<String, Object> body) {
        long id = json(as, body)
                .post(WEBHOOKS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("webhook.id");
        data.deleteAfterwards(WEBHOOKS + "/" + id);
        return id;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/",
                "http://10.0.0.1/",
                "http://[::1]/",
                "http://169.254.169.254/",
                "https://127.0.0.1/",
                "https://10.0.0.1/hook",
                "https://172.16.3.4/",
                "https://192.168.1.1/",
                "https://[::1]/",
                "https://[fd00::1]/",
                "https://[fe80::1]/",
                "https://169.254.169.254/latest/meta-data/",
                "https://0.0.0.0/",
                "https://[::ffff:127.0.0.1]/",
                "https://localhost/",
                "https://100.64.0.1/"
            })
    void privateTargetsAreRefusedNamingTheUrl(String url) {
        assertProblem(json(admin(), body(url)).post(WEBHOOKS), 422, "Unprocessable content", WEBHOOKS)
                .body("errors.field", hasItem("url"))
                .body("errors.findAll { it.field == 'url' }.message", hasItem(containsString("address")));
        assertEquals(List.of(), all(admin()), "nothing recorded");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.215.14/",
                "ftp://93.184.215.14/",
                "https://",
                "not a url",
                "https://u:p@93.184.215.14/"
            })
    void onlyHttpsUrlsOfAHostAreAccepted(String url) {
        assertProblem(json(admin(), body(url)).post(WEBHOOKS), 422, "Unprocessable content", WEBHOOKS)
                .body("errors.field", hasItem("url"));
    }

    @Test
    void aPublicHttpsUrlIsAcceptedAndTheSecretIsShownOnce() {
        Response created = json(admin(), body(PUBLIC_URL)).post(WEBHOOKS);
        created.then()
                .statusCode(201)
                .body("secret", startsWith("whsec_"))
                .body("webhook.enabled", equalTo(true))
                .body("webhook.apiKey", equalTo(null));
        long id = created.jsonPath().getLong("webhook.id");
        data.deleteAfterwards(WEBHOOKS + "/" + id);
        String secret = created.path("secret");
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length, "32 random bytes");
        admin().get(WEBHOOKS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("$", not(hasKey("secret")));
    }

    @Test
    void theBodyIsCheckedFieldByField() {
        String plan = data.planWithMeasures(2);
        Map<String, Object> body = body(PUBLIC_URL);
        body.put("events", List.of("measure.status_changed", "measure.deleted"));
        body.put("axis", 1);
        body.put("evaluator", "nobody-by-that-name");
        assertProblem(json(admin(), body).post(WEBHOOKS), 422, "Unprocessable content", WEBHOOKS)
                .body("errors.field", equalTo(List.of("events[1]", "evaluator", "axis")));
        body = body(PUBLIC_URL);
        body.put("plan", plan);
        body.put("measure", 9);
        assertProblem(json(admin(), body).post(WEBHOOKS), 422, "Unprocessable content", WEBHOOKS)
                .body("errors.field", equalTo(List.of("measure")));
        body = body(PUBLIC_URL);
        body.put("secret", "whsec_mine");
        assertProblem(json(admin(), body).post(WEBHOOKS), 400, "Malformed request body", WEBHOOKS);
        assertProblem(json(admin(), Map.of("url", PUBLIC_URL)).post(WEBHOOKS), 400, "Invalid request", WEBHOOKS);
        assertEquals(List.of(), all(admin()), "nothing recorded");
    }

    @Test
    void aSubscriberManagesOnlyItsOwnSubscriptions() {
        TestData.Key alice = data.subscriberKey();
        TestData.Key bob = data.subscriberKey();
        long alices = create(as(alice.secret()), body(PUBLIC_URL));
        long admins = create(admin(), body(PUBLIC_URL));
        String path = WEBHOOKS + "/" + alices;

        as(alice.secret()).get(path).then().statusCode(200).body("apiKey", equalTo((int) alice.id()));
        assertEquals(List.of(alices), ids(as(alice.secret())));
        assertEquals(List.of(), ids(as(bob.secret())));
        assertEquals(List.of(alices, admins), ids(admin()));
        for (String refused : List.of(path, path + "/deliveries")) {
            assertProblem(as(bob.secret()).get(refused), 403, "Forbidden", refused);
        }
        assertProblem(as(bob.secret()).post(path + "/rotate-secret"), 403, "Forbidden", path + "/rotate-secret");
        assertProblem(as(bob.secret()).post(path + "/test"), 403, "Forbidden", path + "/test");
        String etag = as(alice.secret()).get(path).header("ETag");
        assertProblem(
                json(as(bob.secret()).header("If-Match", etag), body(PUBLIC_URL))
                        .put(path),
                403,
                "Forbidden",
                path);
        assertProblem(as(bob.secret()).header("If-Match", etag).delete(path), 403, "Forbidden", path);
        assertProblem(as(alice.secret()).get(WEBHOOKS + "/" + admins), 403, "Forbidden", WEBHOOKS + "/" + admins);

        TestData.Key evaluatorKey = data.key(data.evaluator());
        assertProblem(as(evaluatorKey.secret()).get(WEBHOOKS), 403, "Forbidden", WEBHOOKS);
        assertProblem(given().get(WEBHOOKS), 401, "Unauthorized", WEBHOOKS);
        assertProblem(given().get(path), 401, "Unauthorized", path);

        // revoked: the key no longer reaches them
        admin().delete("/api/v1/api-keys/" + alice.id()).then().statusCode(204);
        assertProblem(as(alice.secret()).get(path), 401, "Unauthorized", path);
    }

    @Test
    void putAndDeleteNeedTheCurrentETag() {
        long id = create(admin(), body(PUBLIC_URL));
        String path = WEBHOOKS + "/" + id;
        Map<String, Object> body = body(PUBLIC_URL);
        body.put("description", "Site de l'association");
        body.put("enabled", false);
        assertProblem(json(admin(), body).put(path), 428, "Precondition required", path);
        assertProblem(json(admin().header("If-Match", "\"stale\""), body).put(path), 412, "Precondition failed", path);
        String etag = admin().get(path).header("ETag");
        Response put = json(admin().header("If-Match", etag), body).put(path);
        put.then()
                .statusCode(200)
                .body("description", equalTo("Site de l'association"))
                .body("enabled", equalTo(false));
        assertEquals(admin().get(path).header("ETag"), put.header("ETag"));
        assertProblem(admin().header("If-Match", etag).delete(path), 412, "Precondition failed", path);
        admin().header("If-Match", put.header("ETag")).delete(path).then().statusCode(204);
        assertProblem(admin().get(path), 404, "Resource not found", path);
    }

    /**
     * Deliveries are paused on this instance: the events a write leaves in the outbox are fanned out here by hand, as a
     * dispatching instance does after the commit.
     */
    @Test
    void aSubscriptionHearsOfTheEventsWrittenAfterItWasCreatedOnlyAndOfItsPlanOnly() {
        String plan = data.planWithMeasures(2);
        String other = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        data.evaluation(plan, evaluator, "2090-01-01", Map.of(1, "IMPLEMENTED")); // before the subscription
        Map<String, Object> body = body(PUBLIC_URL);
        body.put("events", List.of("measure.status_changed", "evaluation.created"));
        body.put("plan", plan);
        long id = create(admin(), body);
        data.evaluation(other, evaluator, "2090-01-01", Map.of(1, "IMPLEMENTED")); // another plan
        data.evaluation(plan, evaluator, "2090-02-01", Map.of(1, "NOT_IMPLEMENTED", 2, "IMPLEMENTED"));
        while (dispatcher.fanOut()) {
            // every event written so far
        }
        List<Map<String, Object>> log = admin().get(WEBHOOKS + "/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(
                List.of("measure.status_changed", "measure.status_changed", "evaluation.created"),
                log.stream().map(m -> m.get("event")).toList(),
                "the last write's events, newest first: " + log);
        log.forEach(m -> assertEquals("PENDING", m.get("state"), m.toString()));
    }

    @Test
    void deletingASubscriptionDeletesTheEventsOnlyItsMessagesCarried() throws Exception {
        long events = events();
        long id = create(admin(), body(PUBLIC_URL));
        String path = WEBHOOKS + "/" + id;
        admin().post(path + "/test").then().statusCode(202);
        admin().post(path + "/test").then().statusCode(202);
        assertEquals(events + 2, events(), "each ping is an event");
        admin().header("If-Match", admin().get(path).header("ETag"))
                .delete(path)
                .then()
                .statusCode(204);
        assertEquals(events, events(), "the pings' events are gone with their subscription");
    }

    private long events() throws Exception {
        try (var connection = dataSource.getConnection();
                var rows = connection.createStatement().executeQuery("select count(*) from webhook_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Map<String, Object>> all(RequestSpecification as) {
        return as.get(WEBHOOKS).then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static List<Long> ids(RequestSpecification as) {
        return all(as).stream().map(w -> ((Number) w.get("id")).longValue()).toList();
    }
}
