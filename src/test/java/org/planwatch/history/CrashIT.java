package org.planwatch.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwatch.PackagedService;

/**
 * kill -9 of the service in the middle of a stream of writes, then a restart: every write that was acknowledged
 * is there exactly once, none is half-written (an evaluation has all of its assessments or does not exist), and
 * retrying the writes that were in flight with their Idempotency-Key records each exactly once.
 */
class CrashIT {

    private static final String ADMIN_KEY = "crash-admin-key";
    private static final String PLAN = "2090-2091";
    private static final String EVALUATOR = "crash-test";
    private static final int MEASURES = 10;
    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    /**
     * How many writes go out before the kill depends on how soon the test sees the 40th acknowledgement, that is on the
     * machine's load: the write limit of one client (120 a minute) must not be what refuses some of them.
     */
    private static final Map<String, String> UNLIMITED = Map.of("PLANWATCH_RATE_LIMIT_WRITES_PER_MINUTE", "1000000");

    private static EmbeddedPostgres postgres;
    private static PackagedService service;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        service = PackagedService.start("crash", postgres.getPort(), ADMIN_KEY, UNLIMITED);
        service.createPlanAndEvaluator(2090, MEASURES, EVALUATOR);
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedService.stopAll(postgres, service);
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillOnceAndWhole() throws Exception {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        Map<String, String> unexpected = new ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        PackagedService victim = service;
        for (int writer = 0; writer < WRITERS; writer++) {
            int w = writer;
            writers.submit(() -> {
                for (int i = 0; ; i++) {
                    String key = "crash-" + w + "-" + i;
                    try {
                        HttpResponse<String> answer = post(victim, key);
                        if (answer.statusCode() == 201) {
                            acknowledged.put(key, id(answer.body()));
                        } else {
                            unexpected.put(key, answer.statusCode() + " " + answer.body());
                        }
                    } catch (IOException e) {
                        unanswered.add(
                                key); // the service died with this write in flight: it may or may not be recorded
                        return null;
                    }
                }
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling for a condition, with a deadline
        }
        victim.kill();
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS), "a writer hung after the kill");
        assertTrue(unexpected.isEmpty(), "writes refused before the kill: " + unexpected);
        assertTrue(
                acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL,
                "only " + acknowledged.size() + " writes acknowledged in 60 s");

        service = PackagedService.start("crash-restarted", postgres.getPort(), ADMIN_KEY, UNLIMITED);
        Map<String, long[]> stored = storedEvaluations();
        int unansweredButStored =
                (int) unanswered.stream().filter(stored::containsKey).count();
        System.out.printf(
                "CrashIT: %d writes acknowledged before kill -9, %d in flight when it came (%d of them recorded), "
                        + "%d evaluations found after the restart%n",
                acknowledged.size(), unanswered.size(), unansweredButStored, stored.size());

        acknowledged.forEach((key, id) -> {
            assertTrue(stored.containsKey(key), "acknowledged write " + key + " (evaluation " + id + ") is lost");
            assertEquals(id, stored.get(key)[0], "acknowledged write " + key + " is stored under another id");
        });
        assertWhole(stored);
        Set<String> attempted = new HashSet<>(acknowledged.keySet());
        attempted.addAll(unanswered);
        assertTrue(attempted.containsAll(stored.keySet()), "evaluations nobody sent: " + stored.keySet());

        // Retrying what was in flight, and one acknowledged write, with the same keys records nothing twice.
        String replayed = acknowledged.keySet().iterator().next();
        HttpResponse<String> replay = post(service, replayed);
        assertEquals(201, replay.statusCode(), replay.body());
        assertEquals(
                acknowledged.get(replayed), id(replay.body()), "a retry of an acknowledged write was recorded again");
        for (String key : unanswered) {
            HttpResponse<String> retry = post(service, key);
            assertEquals(201, retry.statusCode(), retry.body());
            if (stored.containsKey(key)) {
                assertEquals(stored.get(key)[0], id(retry.body()), "the retry of " + key + " was recorded twice");
            }
        }
        Map<String, long[]> afterRetries = storedEvaluations();
        assertEquals(attempted, afterRetries.keySet(), "after the retries, every write is recorded");
        assertWhole(afterRetries);
    }

    private static void assertWhole(Map<String, long[]> stored) {
        stored.forEach((key, idAndCount) -> assertEquals(
                MEASURES,
                idAndCount[1],
                "evaluation " + key + " is half-written: " + idAndCount[1] + " of " + MEASURES + " assessments"));
    }

    private static HttpResponse<String> post(PackagedService target, String key)
            throws IOException, InterruptedException {
        String assessments = IntStream.rangeClosed(1, MEASURES)
                .mapToObj(m -> "{\"measure\":" + m + ",\"status\":\""
                        + List.of("IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED")
                                .get(m % 3) + "\",\"comment\":\"" + key + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        String body = "{\"evaluator\":\"" + EVALUATOR + "\",\"title\":\"" + key + "\",\"date\":\"2091-06-30\","
                + "\"source\":{\"title\":\"Source\",\"url\":\"https://example.org/" + key + "\"},\"assessments\":"
                + assessments + "}";
        return target.admin("POST", "/api/v1/plans/" + PLAN + "/evaluations", body, Map.of("Idempotency-Key", key));
    }

    /**
     * What the database holds, read directly rather than through the service: title (the write's key), then id and
     * number of assessments; a title held twice fails (a write recorded twice).
     */
    private static Map<String, long[]> storedEvaluations() throws SQLException {
        Map<String, long[]> stored = new HashMap<>();
        try (Connection db = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                ResultSet rows = db.createStatement()
                        .executeQuery("select e.title, e.id, count(a.id) from evaluation e "
                                + "join evaluator v on v.id = e.evaluator_id left join assessment a on a.evaluation_id = e.id "
                                + "where v.slug = '" + EVALUATOR + "' group by e.id, e.title")) {
            while (rows.next()) {
                long[] previous = stored.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
                assertTrue(previous == null, "write " + rows.getString(1) + " is recorded twice");
            }
        }
        return stored;
    }

    private static long id(String body) {
        Matcher id = ID.matcher(body);
        assertTrue(id.find(), body);
        return Long.parseLong(id.group(1));
    }

    private static void created(HttpResponse<String> answer) {
        assertEquals(201, answer.statusCode(), answer.body());
    }
}
