package org.planwatch.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwatch.Await;
import org.planwatch.PackagedService;

/**
 * Two instances of the packaged service on one PostgreSQL, both dispatching, and one receiver that answers slowly so
 * that their workers overlap, pings and evaluations sent through both (both fan the events out): every message arrives
 * exactly once (every answer is a 200, so there is no retry), and no subscription ever has two requests in flight at
 * once.
 */
class WebhookTwoInstancesIT {

    private static final String ADMIN_KEY = "webhook-two-instances-admin-key";
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PLANWATCH_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true",
            "PLANWATCH_WEBHOOKS_POLL_INTERVAL", "PT0.1S",
            "PLANWATCH_WEBHOOKS_WORKERS", "3");
    private static final List<String> PATHS = List.of("/one", "/two", "/three");
    private static final int PINGS = 15;
    private static final int EVALUATIONS = 10;

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

    private static EmbeddedPostgres postgres;
    private static PackagedService first;
    private static PackagedService second;
    private static Receiver receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = new Receiver(Duration.ofMillis(30));
        postgres = EmbeddedPostgres.builder().start();
        first = PackagedService.start("webhook-first", postgres.getPort(), ADMIN_KEY, ENVIRONMENT);
        second = PackagedService.start("webhook-second", postgres.getPort(), ADMIN_KEY, ENVIRONMENT);
        first.createPlanAndEvaluator(2096, 2, "webhook-two");
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedService.stopAll(postgres, first, second);
        receiver.close();
    }

    @Test
    void eachMessageIsSentOnceAndNeverTwoAtATimeToASubscription() throws Exception {
        List<Long> subscriptions = new ArrayList<>();
        for (String path : PATHS) {
            var created = first.admin(
                    "POST",
                    "/api/v1/webhooks",
                    "{\"url\":\"" + receiver.url(path) + "\",\"events\":[\"evaluation.created\"]}",
                    Map.of());
            WebhookCrashIT.created(created);
            subscriptions.add(Long.parseLong(created.body().replaceAll("(?s).*\"webhook\":\\{\"id\":(\\d+).*", "$1")));
        }
        // pings through both instances, so that both are woken, to every subscription
        for (int i = 0; i < PINGS; i++) {
            PackagedService through = i % 2 == 0 ? first : second;
            for (long id : subscriptions) {
                var ping = through.admin("POST", "/api/v1/webhooks/" + id + "/test", "", Map.of());
                assertEquals(202, ping.statusCode(), ping.body());
            }
        }
        // evaluations written through both instances: both fan their events out, never the same one twice
        for (int i = 0; i < EVALUATIONS; i++) {
            PackagedService through = i % 2 == 0 ? first : second;
            WebhookCrashIT.created(through.admin(
                    "POST",
                    "/api/v1/plans/2096-2097/evaluations",
                    "{\"evaluator\":\"webhook-two\",\"title\":\"Évaluation " + i + "\",\"date\":\"2096-01-01\","
                            + "\"source\":{\"title\":\"Rapport\",\"url\":\"https://example.org/r\"},"
                            + "\"assessments\":[{\"measure\":1,\"status\":\"PARTIALLY_IMPLEMENTED\"}]}",
                    Map.of()));
        }
        int messages = (PINGS + EVALUATIONS) * PATHS.size();
        // every request is made before its outcome commits: once all are recorded delivered, none is still to come
        Await.until(
                "every message to be recorded delivered",
                Await.GENEROUSLY,
                () -> delivered() == messages,
                () -> "delivered: " + delivered());
        for (String path : PATHS) {
            Map<String, Integer> times = new HashMap<>();
            receiver.at(path).forEach(r -> times.merge(r.header("webhook-id"), 1, Integer::sum));
            assertEquals(PINGS + EVALUATIONS, times.size(), path + ": every message");
            times.forEach((id, count) -> assertEquals(1, count, path + ": " + id + " sent " + count + " times"));
            assertEquals(1, receiver.maxInFlight(path), path + ": never two requests at once");
        }
        System.out.printf(
                "WebhookTwoInstancesIT: %d messages to %d subscriptions through two instances, each sent once%n",
                messages, PATHS.size());
    }
}
