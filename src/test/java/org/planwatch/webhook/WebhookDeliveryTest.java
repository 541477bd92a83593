package org.planwatch.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.as;
import static org.planwatch.Api.csv;
import static org.planwatch.Api.json;
import static org.planwatch.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwatch.Await;
import org.planwatch.ManualClock;
import org.planwatch.TestData;

/**
 * Webhooks end to end: real writes, the outbox, the dispatcher, and a real receiver on loopback; signatures checked by
 * a verifier that shares no code with the service. Retries come due when the test moves the {@link ManualClock}.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class WebhookDeliveryTest {

    static final String WEBHOOKS = "/api/v1/webhooks";
    static final List<String> ALL_EVENTS =
            List.of("measure.status_changed", "evaluation.created", "evaluation.updated", "evaluation.deleted");

    private static Receiver receiver;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NODE_RECEIVER = Path.of("src", "test", "webhook-receiver");

    private final TestData data = new TestData();

    @Inject
    ManualClock clock;

    @Inject
    Dispatcher dispatcher;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    /** A subscription to a path of the receiver; returns its id and secret. */
    record Subscription(long id, String secret) {}

    Subscription subscribe(RequestSpecification as, String path, Map<String, Object> filters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", receiver.url(path));
        body.put("events", ALL_EVENTS);
        body.putAll(filters);
        Response response = json(as, body).post(WEBHOOKS);
        response.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .header("ETag", notNullValue())
                .body("secret", startsWith("whsec_"))
                .body("webhook.url", equalTo(receiver.url(path)));
        long id = response.jsonPath().getLong("webhook.id");
        data.deleteAfterwards(WEBHOOKS + "/" + id);
        return new Subscription(id, response.path("secret"));
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private void move(Duration duration) {
        clock.advance(duration);
        dispatcher.wake();
    }

    private static List<Map<String, Object>> deliveries(long id) {
        return admin().get(WEBHOOKS + "/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static String ping(long id) {
        return admin().post(WEBHOOKS + "/" + id + "/test")
                .then()
                .statusCode(202)
                .body("event", equalTo("ping"))
                .body("state", equalTo("PENDING"))
                .extract()
                .path("id");
    }

    @Test
    void aCsvImportChangingTwoMeasuresSendsTwoStatusChangesAndOneCreationToMatchingSubscriptionsOnly() {
        String plan = data.plan();
        data.axis(plan, 1);
        data.axis(plan, 2);
        data.axis(plan, 3);
        data.measure(plan, 2, 1);
        data.measure(plan, 3, 3);
        data.measure(plan, 16, 2);
        String evaluator = data.evaluator();
        Subscription matching = subscribe(admin(), "/import/plan", Map.of("plan", plan));
        Subscription onAxis3 = subscribe(admin(), "/import/axis3", Map.of("plan", plan, "axis", 3));
        Subscription onMeasure16 = subscribe(
                admin(),
                "/import/measure16",
                Map.of("plan", plan, "measure", 16, "events", List.of("measure.status_changed")));

        // a refused import changes nothing, and so sends nothing
        csv(admin().queryParams(metadata(evaluator)), "measure,status\n2,IMPLEMENTED\n16,DONE\n")
                .post("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .statusCode(422);
        long evaluation = csv(
                        admin().queryParams(metadata(evaluator)),
                        "measure,status\n2,IMPLEMENTED\n16,PARTIALLY_IMPLEMENTED\n")
                .post("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        List<Receiver.Received> got = receiver.awaitCount("/import/plan", 3);
        // Each subscription's messages come in order: once its ping is in, nothing written before it is still to come.
        ping(matching.id());
        ping(onAxis3.id());
        ping(onMeasure16.id());
        got = receiver.awaitCount("/import/plan", 4).subList(0, 3);
        assertEquals(
                "ping",
                parse(receiver.awaitCount("/import/axis3", 1).get(0).body())
                        .get("type")
                        .asText());
        assertEquals(1, receiver.at("/import/axis3").size(), "no message for axis 3, whose measures did not change");
        List<Receiver.Received> measure16 = receiver.awaitCount("/import/measure16", 2);
        assertEquals(2, measure16.size());
        assertEquals(16, parse(measure16.get(0).body()).at("/data/measure").asInt());

        List<String> types =
                got.stream().map(r -> parse(r.body()).get("type").asText()).toList();
        assertEquals(List.of("evaluation.created", "measure.status_changed", "measure.status_changed"), types);
        Set<String> ids = new HashSet<>();
        for (Receiver.Received message : got) {
            assertTrue(SignatureVerifier.verifies(matching.secret(), message), "signature of " + message);
            assertFalse(SignatureVerifier.verifies(onAxis3.secret(), message), "another subscription's secret");
            assertEquals("application/json", message.header("content-type"));
            ids.add(message.header("webhook-id"));
        }
        assertEquals(3, ids.size(), "every message has its own webhook-id");

        JsonNode created = parse(got.get(0).body());
        assertEquals("CREATED", created.at("/data/kind").asText());
        assertEquals(
                "/api/v1/evaluations/" + evaluation, created.at("/data/path").asText());
        assertEquals(
                "/api/v1/evaluations/" + evaluation,
                created.at("/data/links/evaluation").asText());
        JsonNode moved = parse(got.get(1).body());
        assertEquals(2, moved.at("/data/measure").asInt());
        assertEquals("NOT_ASSESSED", moved.at("/data/previousStatus").asText());
        assertEquals("IMPLEMENTED", moved.at("/data/newStatus").asText());
        assertEquals(evaluator, moved.at("/data/evaluation/evaluator").asText());
        assertEquals(
                OffsetDateTime.parse(moved.get("timestamp").asText()).toInstant(),
                OffsetDateTime.parse(moved.at("/data/at").asText()).toInstant(),
                "the message's timestamp is the change's");
        // data is the change feed's entry, as GET /changes gives it, plus links
        Map<String, Object> entry = given()
                .queryParam("plan", plan)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items", Map.class)
                .stream()
                .filter(e -> Integer.valueOf(2).equals(e.get("measure")))
                .findFirst()
                .orElseThrow();
        JsonNode feedEntry = JSON.valueToTree(entry);
        JsonNode withoutLinks = moved.get("data").deepCopy();
        ((ObjectNode) withoutLinks).remove("links");
        assertEquals(normalisedTimes(feedEntry), normalisedTimes(withoutLinks));

        List<Map<String, Object>> log = deliveries(matching.id());
        assertEquals(4, log.size());
        log.forEach(d -> {
            assertEquals("DELIVERED", d.get("state"));
            assertEquals(1, d.get("attempts"));
            assertEquals(200, d.get("lastStatus"));
        });
    }

    private static JsonNode normalisedTimes(JsonNode entry) {
        ObjectNode copy = entry.deepCopy();
        copy.put(
                "at", OffsetDateTime.parse(entry.get("at").asText()).toInstant().toString());
        return copy;
    }

    private static Map<String, Object> metadata(String evaluator) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("evaluator", evaluator);
        metadata.put("title", "Évaluation importée");
        metadata.put("date", "2150-06-30");
        metadata.put("sourceTitle", "Rapport annuel");
        metadata.put("sourceUrl", "https://www.example.fr/rapport");
        return metadata;
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSameMessageThreeTimesAndTheLogShowsTheAttempts() {
        Subscription subscription = subscribe(admin(), "/flaky", Map.of());
        receiver.script("/flaky", Receiver.Answer.status(500), Receiver.Answer.status(500));
        String message = ping(subscription.id());

        receiver.awaitCount("/flaky", 1);
        Map<String, Object> first = awaitAttempts(subscription.id(), 1);
        assertEquals("PENDING", first.get("state"));
        assertEquals(500, first.get("lastStatus"));
        assertEquals("The receiver answered 500.", first.get("lastError"));
        assertEquals("answer 500 from the receiver", first.get("lastResponse"), "shown to its owner");
        Duration firstWait = Duration.between(
                Instant.parse((String) first.get("lastAttemptAt")), Instant.parse((String) first.get("nextAttemptAt")));
        assertTrue(
                firstWait.compareTo(Duration.ofSeconds(30)) <= 0 && !firstWait.isNegative(),
                "the first retry comes within 30 s: " + firstWait);

        move(Duration.ofSeconds(30));
        receiver.awaitCount("/flaky", 2);
        Map<String, Object> second = awaitAttempts(subscription.id(), 2);
        Duration secondWait =
                Duration.between(Instant.parse((String) second.get("lastAttemptAt")), Instant.parse((String)
                        second.get("nextAttemptAt")));
        assertTrue(secondWait.compareTo(firstWait) > 0, "the waits grow: " + firstWait + " then " + secondWait);

        move(Duration.ofMinutes(5));
        List<Receiver.Received> got = receiver.awaitCount("/flaky", 3);
        Map<String, Object> third = awaitAttempts(subscription.id(), 3);
        assertEquals("DELIVERED", third.get("state"));
        assertEquals(200, third.get("lastStatus"));
        assertEquals(null, third.get("lastError"));
        assertEquals(null, third.get("nextAttemptAt"));
        assertEquals(message, third.get("id"));
        assertEquals(3, got.size());
        got.forEach(r -> {
            assertEquals(message, r.header("webhook-id"), "the same webhook-id at every attempt");
            assertTrue(SignatureVerifier.verifies(subscription.secret(), r));
        });
        assertEquals(1, receiver.maxInFlight("/flaky"));
    }

    private Map<String, Object> awaitAttempts(long subscription, int attempts) {
        Await.until(
                attempts + " attempts",
                Await.GENEROUSLY,
                () -> (Integer) deliveries(subscription).get(0).get("attempts") >= attempts,
                () -> deliveries(subscription).toString());
        return deliveries(subscription).get(0);
    }

    @Test
    void aReceiverThatHangsIsCutOffByTheTimeoutAndTriedAgain() {
        Subscription subscription = subscribe(admin(), "/hangs", Map.of());
        receiver.script("/hangs", Receiver.Answer.hangs());
        ping(subscription.id());

        Map<String, Object> first = awaitAttempts(subscription.id(), 1);
        assertEquals("PENDING", first.get("state"));
        assertEquals(null, first.get("lastStatus"));
        assertEquals("No answer within 2 s.", first.get("lastError"));

        move(Duration.ofMinutes(1));
        Map<String, Object> second = awaitAttempts(subscription.id(), 2);
        assertEquals("DELIVERED", second.get("state"));
        assertEquals(2, receiver.at("/hangs").size());
    }

    @Test
    void aRedirectIsNotFollowed() {
        Subscription subscription = subscribe(admin(), "/redirects", Map.of());
        receiver.script("/redirects", Receiver.Answer.redirect(receiver.url("/redirected")));
        ping(subscription.id());

        Map<String, Object> first = awaitAttempts(subscription.id(), 1);
        assertEquals("PENDING", first.get("state"), "a redirect is not a delivery");
        assertEquals(302, first.get("lastStatus"));
        assertTrue(((String) first.get("lastError")).contains("Redirects are not followed"), first.toString());
        assertEquals(0, receiver.at("/redirected").size(), "the redirect was not followed");
    }

    /**
     * What the README tells a receiver to do, done by the maintained Standard Webhooks library (Node, the README's
     * snippet): it verifies a real delivery, and refuses it with another secret or an altered body.
     */
    @Test
    void theMaintainedStandardWebhooksLibraryVerifiesWhatWasDelivered() throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(NODE_RECEIVER.resolve("node_modules/standardwebhooks")),
                "Skipped: the Node check is not installed (npm ci --prefix src/test/webhook-receiver)");
        Subscription subscription = subscribe(admin(), "/node", Map.of());
        Subscription another = subscribe(admin(), "/node-another", Map.of());
        ping(subscription.id());
        Receiver.Received message = receiver.awaitCount("/node", 1).get(0);

        assertEquals("ping", nodeVerify(subscription.secret(), message));
        assertTrue(nodeVerify(another.secret(), message).startsWith("refused"), "another subscription's secret");
        Receiver.Received altered = new Receiver.Received(
                message.path(), message.headers(), message.body().replace("\"ping\"", "\"pong\""));
        assertTrue(nodeVerify(subscription.secret(), altered).startsWith("refused"), "an altered body");
    }

    /** Runs src/test/webhook-receiver/verify.mjs on a received message: the message's type, or "refused: why". */
    private static String nodeVerify(String secret, Receiver.Received message) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        message.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Map<String, Object> input = Map.of("secret", secret, "headers", headers, "body", message.body());
        Process node = new ProcessBuilder("node", "verify.mjs")
                .directory(NODE_RECEIVER.toFile())
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(input));
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(node.waitFor(Await.GENEROUSLY.toSeconds(), TimeUnit.SECONDS), "node ended");
        return out;
    }

    @Test
    void afterARotationMessagesCarryBothSignaturesFor24Hours() {
        Subscription subscription = subscribe(admin(), "/rotation", Map.of());
        String etagBefore = admin().get(WEBHOOKS + "/" + subscription.id()).header("ETag");
        Response rotated = admin().post(WEBHOOKS + "/" + subscription.id() + "/rotate-secret");
        rotated.then().statusCode(200).body("secret", startsWith("whsec_"));
        String newSecret = rotated.path("secret");
        assertFalse(newSecret.equals(subscription.secret()));
        assertEquals(admin().get(WEBHOOKS + "/" + subscription.id()).header("ETag"), rotated.header("ETag"));
        assertFalse(etagBefore.equals(rotated.header("ETag")));
        assertNotNull(rotated.path("webhook.previousSecretExpiresAt"));
        admin().get(WEBHOOKS + "/" + subscription.id()).then().body("$", not(hasKey("secret")));

        ping(subscription.id());
        Receiver.Received during = receiver.awaitCount("/rotation", 1).get(0);
        assertEquals(2, during.header("webhook-signature").split(" ").length);
        assertTrue(SignatureVerifier.verifies(newSecret, during), "the new secret verifies");
        assertTrue(SignatureVerifier.verifies(subscription.secret(), during), "the previous one too, for 24 h");

        move(Duration.ofHours(24));
        ping(subscription.id());
        Receiver.Received after = receiver.awaitCount("/rotation", 2).get(1);
        assertEquals(1, after.header("webhook-signature").split(" ").length);
        assertTrue(SignatureVerifier.verifies(newSecret, after));
        assertFalse(SignatureVerifier.verifies(subscription.secret(), after), "the previous secret has expired");
    }

    @Test
    void aSubscriptionWhoseDeliveriesFailForThreeDaysIsDisabledAndAPutEnablesIt() {
        Subscription subscription = subscribe(admin(), "/dead", Map.of());
        receiver.script("/dead", Receiver.Answer.status(503), Receiver.Answer.status(503), Receiver.Answer.status(503));
        ping(subscription.id());
        awaitAttempts(subscription.id(), 1);

        move(Duration.ofHours(73));
        Map<String, Object> last = awaitAttempts(subscription.id(), 2);
        assertEquals("FAILED", last.get("state"), "given up after 25 h of retries");
        String path = WEBHOOKS + "/" + subscription.id();
        Response disabled = admin().get(path);
        disabled.then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("disabledReason", containsString("failed"));
        assertProblem(admin().post(path + "/test"), 409, "Conflict", path + "/test");

        // retried by hand while disabled: it waits
        String message = (String) last.get("id");
        admin().post(path + "/deliveries/" + message + "/retry")
                .then()
                .statusCode(202)
                .body("state", equalTo("PENDING"));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", receiver.url("/dead"));
        body.put("events", ALL_EVENTS);
        body.put("enabled", true);
        json(admin().header("If-Match", disabled.header("ETag")), body)
                .put(path)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("disabledReason", equalTo(null))
                .body("failingSince", equalTo(null));
        receiver.awaitCount("/dead", 3);
        Map<String, Object> resent = awaitAttempts(subscription.id(), 3);
        assertEquals("FAILED", resent.get("state"), "503 again, and the message is older than 25 h");
    }
}
