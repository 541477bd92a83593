package org.planwatch.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwatch.Await;
import org.planwatch.PackagedService;

/**
 * kill -9 of the packaged service while its messages wait and one is being sent (the receiver hangs on it): after the
 * restart every message is delivered, those fanned out before the kill and those whose events were still waiting to
 * be. At least once: the one in flight may arrive twice; none may be missing.
 */
class WebhookCrashIT {

    private static final String ADMIN_KEY = "webhook-crash-admin-key";
    private static final Map<String, String> ENVIRONMENT = Map.of("PLANWATCH_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
    private static final int EVALUATIONS = 8;
    /** Each evaluation is created (one event) and moves the statuses of measures 1 and 2 (one event each). */
    private static final int MESSAGES = 3 * EVALUATIONS;

    private static EmbeddedPostgres postgres;
    private static PackagedService service;
    private static Receiver receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = new Receiver();
        postgres = EmbeddedPostgres.builder().start();
        service = PackagedService.start("webhook-crash", postgres.getPort(), ADMIN_KEY, ENVIRONMENT);
        service.createPlanAndEvaluator(2094, 4, "webhook-crash");
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedService.stopAll(postgres, service);
        receiver.close();
    }

    @Test
    void messagesPendingAtAKillAreAllDeliveredAfterTheRestart() throws Exception {
        receiver.script("/crash", Receiver.Answer.hangs());
        created(service.admin(
                "POST",
                "/api/v1/webhooks",
                "{\"url\":\"" + receiver.url("/crash")
                        + "\",\"events\":[\"measure.status_changed\",\"evaluation.created\"]}",
                Map.of()));
        for (int i = 0; i < EVALUATIONS; i++) {
            String status = i % 2 == 0 ? "IMPLEMENTED" : "NOT_IMPLEMENTED";
            created(service.admin(
                    "POST",
                    "/api/v1/plans/2094-2095/evaluations",
                    "{\"evaluator\":\"webhook-crash\",\"title\":\"Évaluation " + i + "\",\"date\":\"2094-0"
                            + (i % 9 + 1)
                            + "-01\",\"source\":{\"title\":\"Rapport\",\"url\":\"https://example.org/r\"},"
                            + "\"assessments\":[{\"measure\":1,\"status\":\"" + status + "\"},"
                            + "{\"measure\":2,\"status\":\"" + status + "\"}]}",
                    Map.of()));
        }
        receiver.awaitCount("/crash", 1); // the first message is in flight, held by the receiver
        Set<String> written = messageIds(); // those fanned out so far: at least the first
        assertTrue(written.size() >= 1, "messages written: " + written.size());
        assertEquals(0, delivered(), "nothing delivered before the kill");

        service.kill();
        receiver.releaseHanging();
        service = PackagedService.start("webhook-crash-restarted", postgres.getPort(), ADMIN_KEY, ENVIRONMENT);

        Await.until(
                "every message written before the kill to be delivered after the restart",
                Await.GENEROUSLY,
                () -> received().size() >= MESSAGES,
                () -> "received " + received().size() + " of " + MESSAGES);
        Await.until("the deliveries to be recorded", () -> delivered() == MESSAGES);
        int requests = receiver.at("/crash").size();
        System.out.printf(
                "WebhookCrashIT: %d messages, %d fanned out at kill -9, %d requests received, %d distinct, none lost%n",
                MESSAGES, written.size(), requests, received().size());
        assertTrue(received().containsAll(written), "every message written before the kill");
        assertEquals(messageIds(), received(), "every message, and only those");
        assertEquals(MESSAGES, received().size(), "one message per event");
        assertEquals(1, receiver.maxInFlight("/crash"), "one at a time");
    }

    private static Set<String> received() {
        Set<String> ids = new HashSet<>();
        receiver.at("/crash").forEach(r -> ids.add(r.header("webhook-id")));
        return ids;
    }

    private static Set<String> messageIds() throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection db = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                ResultSet rows = db.createStatement().executeQuery("select message_id from webhook_message")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static int delivered() {
        try (Connection db = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                ResultSet rows = db.createStatement()
                        .executeQuery("select count(*) from webhook_message where state = 'DELIVERED'")) {
            rows.next();
            return rows.getInt(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void created(HttpResponse<String> answer) {
        if (answer.statusCode() != 201) {
            throw new AssertionError(answer.statusCode() + " " + answer.body());
        }
    }
}
