package org.planwatch.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwatch.PackagedService;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database stops while requests (reads, pages, writes with the administrator's and with an evaluator's key) flow
 * through two instances of the packaged service, then comes back on the same data: readiness goes DOWN and UP again, every answer meanwhile is a quick 503 problem+json with Retry-After
 * (never a 500, never a hang, never a cached answer once the notifications are lost), and the service recovers,
 * cache coherence included, without a restart.
 */
class DatabaseOutageIT {

    private static final String ADMIN_KEY = "database-outage-admin-key";
    /** The upper bound on the latency of every answer sent and received while the database is down. */
    private static final Duration MAX_LATENCY = Duration.ofSeconds(3);
    /** The upper bound on any answer's latency, those that straddle the database's stop or restart included. */
    private static final Duration MAX_LATENCY_IN_TRANSITIONS = Duration.ofSeconds(6);
    private static final String HOT = "/api/v1/plans/2019-2021/measures";
    private static final List<String> KINDS = List.of("hot read", "database read", "write", "evaluator write", "page");

    private static Path dataDirectory;
    private static int databasePort;
    private static EmbeddedPostgres postgres;
    private static PackagedService first;
    private static PackagedService second;
    /** An evaluator's key: checking it needs the database, unlike the administrator key from the configuration. */
    private static String evaluatorKey;

    /** One answer seen by the load: when it was sent (ns), how long it took, what came back. */
    record Sample(String kind, long sentAt, long nanos, int status, String contentType, String retryAfter, String body) {
    }

    @BeforeAll
    static void start() throws Exception {
        dataDirectory = Files.createTempDirectory("planwatch-outage-db");
        databasePort = PackagedService.freePort();
        postgres = startDatabase();
        // The load sends writes back to back, and its 503s come at once while the database is down: faster than the
        // write limit lets one client write (120 a minute). Rate limits are not what this test is about.
        Map<String, String> unlimited = Map.of("PLANWATCH_RATE_LIMIT_WRITES_PER_MINUTE", "1000000");
        first = PackagedService.start("outage-first", databasePort, ADMIN_KEY, unlimited);
        second = PackagedService.start("outage-second", databasePort, ADMIN_KEY, unlimited);
        HttpResponse<String> key = first.admin("POST", "/api/v1/api-keys", "{\"name\":\"Panne\",\"role\":\"EVALUATOR\",\"evaluator\":\"cncdh\"}", Map.of());
        assertEquals(201, key.statusCode(), key.body());
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("\"key\":\"([^\"]+)\"").matcher(key.body());
        assertTrue(secret.find(), key.body());
        evaluatorKey = secret.group(1);
    }

    private static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(databasePort).start();
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedService.stopAll(postgres, first, second);
    }

    @Test
    void theServiceAnswers503QuicklyWhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        assertEquals(200, first.get(HOT).statusCode());
        assertEquals(200, first.get(HOT).statusCode()); // now a hot answer, served from the cache

        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(KINDS.size());
        for (String kind : KINDS) {
            load.submit(() -> {
                while (running.get()) {
                    samples.add(call(kind, sequence.incrementAndGet()));
                }
                return null;
            });
        }
        awaitCondition("200 answers of every kind before the outage", Duration.ofSeconds(20),
                () -> KINDS.stream()
                        .allMatch(kind -> samples.stream().filter(s -> s.kind().equals(kind) && s.status() / 100 == 2).count() >= 3));

        long stoppedAt = System.nanoTime();
        postgres.close(); // pg_ctl stop -m fast: sessions are terminated
        long readinessDownAfter = awaitReadiness(first, 503, Duration.ofSeconds(10)) - stoppedAt;
        long outageSamplesFrom = System.nanoTime();
        // 503s come at once while the database is known to be down: wait for each kind of request, not just for 40
        awaitCondition("40 answers during the outage, each kind of request among them", Duration.ofSeconds(30),
                () -> samples.stream().filter(s -> s.sentAt() >= outageSamplesFrom).count() >= 40
                        && KINDS.stream().allMatch(kind -> samples.stream().anyMatch(s -> s.sentAt() >= outageSamplesFrom && s.kind().equals(kind))),
                () -> samples.stream().filter(s -> s.sentAt() >= outageSamplesFrom).map(s -> s.kind() + " " + s.status() + " "
                        + millis(s.nanos()) + " ms").toList().toString());

        long restartingAt = System.nanoTime();
        postgres = startDatabase();
        long restartedAt = System.nanoTime();
        long readinessUpAfter = awaitReadiness(first, 200, Duration.ofSeconds(30)) - restartedAt;
        awaitReadiness(second, 200, Duration.ofSeconds(30));
        long recoveredFrom = System.nanoTime();
        awaitCondition("20 answers of the load after recovery", Duration.ofSeconds(30),
                () -> samples.stream().filter(s -> s.sentAt() >= recoveredFrom).count() >= 20);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));

        List<Sample> all = new ArrayList<>(samples);
        // Answered while the database was down, from when readiness said so to when it was being started again.
        List<Sample> during = all.stream().filter(s -> s.sentAt() >= outageSamplesFrom && s.sentAt() + s.nanos() < restartingAt).toList();
        // The last hot answer served from the cache after the stop: sent before the notifications were lost, or none.
        long lastCachedAfter = all.stream().filter(s -> s.kind().equals("hot read") && s.sentAt() >= stoppedAt
                        && s.sentAt() + s.nanos() < restartingAt && s.status() == 200)
                .mapToLong(s -> s.sentAt() + s.nanos() - stoppedAt).max().orElse(0);
        List<Sample> hotWhileDown = all.stream().filter(s -> s.kind().equals("hot read") && s.sentAt() >= stoppedAt
                        && s.sentAt() + s.nanos() < restartingAt)
                .toList();
        List<Sample> after = all.stream().filter(s -> s.sentAt() >= recoveredFrom).toList();
        long slowest = all.stream().mapToLong(Sample::nanos).max().orElseThrow();
        long slowestDuring = during.stream().mapToLong(Sample::nanos).max().orElseThrow();
        System.out.printf("DatabaseOutageIT: %d requests; readiness DOWN %d ms after the stop, last cached answer %d ms after the stop "
                + "(%d hot reads while down, %d of them 503), %d answers during the outage (slowest %d ms; slowest sent and answered while down %d ms), readiness UP %d ms after the restart, %d answers after (all 2xx: %s); "
                + "slowest answer overall %d ms; statuses %s%n",
                all.size(), millis(readinessDownAfter), millis(lastCachedAfter), hotWhileDown.size(),
                hotWhileDown.stream().filter(DatabaseOutageIT::isProblem503).count(), during.size(), millis(slowestDuring), millis(all.stream().filter(s -> s.sentAt() >= stoppedAt && s.sentAt() + s.nanos() < restartingAt)
                        .mapToLong(Sample::nanos).max().orElse(0)), millis(readinessUpAfter),
                after.size(), after.stream().allMatch(s -> s.status() / 100 == 2), millis(slowest), statusCounts(all));

        assertTrue(readinessDownAfter <= Duration.ofSeconds(10).toNanos());
        assertTrue(readinessUpAfter <= Duration.ofSeconds(30).toNanos());
        assertTrue(lastCachedAfter <= Duration.ofSeconds(2).toNanos(), "the cache answered " + millis(lastCachedAfter) + " ms after the stop");
        assertTrue(during.size() >= 40 && KINDS.stream().allMatch(kind -> during.stream().anyMatch(s -> s.kind().equals(kind))),
                "too few answers while down: " + during);
        for (Sample sample : during) {
            assertTrue(isProblem503(sample), "during the outage, a " + sample.kind() + " got " + sample);
        }
        // Once the outage is known, 503s come at once (DatabaseOutage): only the one request at a time that tries
        // the database waits for a connection.
        long quick = during.stream().filter(s -> s.nanos() <= Duration.ofMillis(250).toNanos()).count();
        assertTrue(quick >= during.size() * 9 / 10, quick + " of the " + during.size() + " answers during the outage came within 250 ms");
        for (Sample sample : all) {
            assertTrue(sample.status() != 500 && sample.status() != -1, "a " + sample.kind() + " got " + sample);
            // Answers sent while the database stops or starts may wait for it a little longer; none hangs.
            assertTrue(sample.nanos() <= MAX_LATENCY_IN_TRANSITIONS.toNanos(), "a " + sample.kind() + " took " + millis(sample.nanos()) + " ms, "
                    + millis(sample.sentAt() - stoppedAt) + " ms after the stop: " + sample);
            if (sample.sentAt() >= stoppedAt && sample.sentAt() + sample.nanos() < restartingAt) {
                assertTrue(sample.nanos() <= MAX_LATENCY.toNanos(), "while the database was down, a " + sample.kind() + " took "
                        + millis(sample.nanos()) + " ms: " + sample);
            }
        }
        for (Sample sample : after) {
            assertEquals(2, sample.status() / 100, "after recovery, a " + sample.kind() + " got " + sample);
        }
        // the listener retries every second once the database is back: give it a bounded while to say so
        long listenerDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!first.log().contains("Database notifications are back") && System.nanoTime() < listenerDeadline) {
            Thread.sleep(100); // polling for a log line, not timing a behaviour
        }
        assertTrue(first.log().contains("Database notifications are back"), "the cache's listener did not reconnect within 15 s");
        theCacheIsCoherentAgainAcrossInstances();
    }

    /** A write through one instance reaches the other's cache: its notifications connection is back. */
    private void theCacheIsCoherentAgainAcrossInstances() throws Exception {
        String path = "/api/v1/evaluators/collectif-ensemble-contre-la-traite";
        assertEquals(200, second.get(path).statusCode());
        assertEquals(200, second.get(path).statusCode());
        String etag = first.get(path).headers().firstValue("ETag").orElseThrow();
        var write = first.admin("PUT", path, "{\"slug\":\"collectif-ensemble-contre-la-traite\",\"name\":\"Renommé après la panne\","
                + "\"shortName\":\"Collectif\",\"kind\":\"CIVIL_SOCIETY\"}", Map.of("If-Match", etag));
        assertEquals(200, write.statusCode(), write.body());
        awaitCondition("the other instance to answer the new data", Duration.ofSeconds(2),
                () -> send(second, path).contains("Renommé après la panne"));
    }

    private static Sample call(String kind, int n) {
        HttpRequest.Builder request = switch (kind) {
            case "hot read" -> first.request(HOT).GET();
            case "database read" -> first.request("/api/v1/plans/2019-2021/measures?q=victimes&limit=" + (1 + n % 200)).GET();
            case "page" -> first.request("/plans/2019-2021/measures/" + (1 + n % 45)).GET();
            case "evaluator write" -> first.request("/api/v1/plans/2019-2021/evaluations").header("Authorization", "Bearer " + evaluatorKey)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"evaluator\":\"cncdh\",\"title\":\"Suivi "
                            + n + "\",\"date\":\"2024-01-01\",\"source\":{\"title\":\"Avis\",\"url\":\"https://www.cncdh.fr/\"},"
                            + "\"assessments\":[{\"measure\":" + (1 + n % 45) + ",\"status\":\"IMPLEMENTED\"}]}"));
            default -> first.request("/api/v1/evaluators").header("Authorization", "Bearer " + ADMIN_KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"slug\":\"outage-" + n + "\",\"name\":\"Évaluateur " + n + "\",\"shortName\":\"E" + n + "\",\"kind\":\"CIVIL_SOCIETY\"}"));
        };
        long sentAt = System.nanoTime();
        try {
            HttpResponse<String> response = PackagedService.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Sample(kind, sentAt, System.nanoTime() - sentAt, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().firstValue("Retry-After").orElse(null),
                    response.body().length() > 300 ? response.body().substring(0, 300) : response.body());
        } catch (IOException | InterruptedException e) {
            return new Sample(kind, sentAt, System.nanoTime() - sentAt, -1, "", null, e.toString());
        }
    }

    private static boolean isProblem503(Sample sample) {
        return sample.status() == 503 && sample.contentType().startsWith("application/problem+json") && "5".equals(sample.retryAfter())
                && sample.body().contains("\"title\":\"Database unavailable\"");
    }

    /** Polls readiness until it answers {@code status}; returns when it did (System.nanoTime()). */
    private static long awaitReadiness(PackagedService instance, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> ready = instance.get("/q/health/ready");
            if (ready.statusCode() == status) {
                assertTrue(ready.body().contains(status == 200 ? "\"UP\"" : "\"DOWN\""), ready.body());
                return System.nanoTime();
            }
            Thread.sleep(50); // polling for a condition, with a deadline
        }
        throw new AssertionError("readiness did not answer " + status + " within " + within.toSeconds() + " s: " + instance.log());
    }

    private static void awaitCondition(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        awaitCondition(what, within, condition, () -> "");
    }

    private static void awaitCondition(String what, Duration within, BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + within.toSeconds() + " s for " + what + " " + state.get());
            }
            Thread.sleep(50); // polling for a condition, with a deadline
        }
    }

    private static String send(PackagedService instance, String path) {
        try {
            return instance.get(path).body();
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private static Map<Integer, Long> statusCounts(List<Sample> samples) {
        return samples.stream().collect(java.util.stream.Collectors.groupingBy(Sample::status, java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
