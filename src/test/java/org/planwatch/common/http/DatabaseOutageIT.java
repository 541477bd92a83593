package org.planwatch.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwatch.Await;
import org.planwatch.PackagedService;

/**
 * The database stops while requests (reads, pages, writes with the administrator's and with an evaluator's key) flow
 * through two instances of the packaged service, then comes back on the same data: readiness goes DOWN and UP again,
 * every answer meanwhile is the 503 problem+json with Retry-After that the service fails fast with (never a 500, never a
 * hang, never a cached answer once the notifications are lost), and the service recovers, cache coherence included,
 * without a restart.
 *
 * <p>Only behaviour is asserted, each phase starting from what the test saw happen (readiness, the service's log, the
 * load's answers) rather than from a time: how fast the answers come is for bench/, and that one request at a time
 * tries the database while the others get their 503 at once is checked request by request in DatabaseOutageTest. The
 * waits are generous bounds that only stop a hang; the durations are printed, not asserted.
 */
class DatabaseOutageIT {

    private static final String ADMIN_KEY = "database-outage-admin-key";
    /** An answer that has not come within this is a hang (the fail-fast 503 normally takes milliseconds). */
    private static final Duration HANG = Duration.ofSeconds(30);

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
    record Sample(
            String kind, long sentAt, long nanos, int status, String contentType, String retryAfter, String body) {}

    @BeforeAll
    static void start() throws Exception {
        dataDirectory = Files.createTempDirectory("planwatch-outage-db");
        databasePort = PackagedService.freePort();
        postgres = startDatabase();
        // The load sends writes back to back, and its 503s come at once while the database is down: faster than the
        // write limit lets one client write (120 a minute). Rate limits are not what this test is about.
        Map<String, String> unlimited = new HashMap<>(PackagedService.FAIL_FAST_DATABASE);
        unlimited.put("PLANWATCH_RATE_LIMIT_WRITES_PER_MINUTE", "1000000");
        first = PackagedService.start("outage-first", databasePort, ADMIN_KEY, unlimited);
        second = PackagedService.start("outage-second", databasePort, ADMIN_KEY, unlimited);
        HttpResponse<String> key = first.admin(
                "POST",
                "/api/v1/api-keys",
                "{\"name\":\"Panne\",\"role\":\"EVALUATOR\",\"evaluator\":\"cncdh\"}",
                Map.of());
        assertEquals(201, key.statusCode(), key.body());
        Matcher secret = Pattern.compile("\"key\":\"([^\"]+)\"").matcher(key.body());
        assertTrue(secret.find(), key.body());
        evaluatorKey = secret.group(1);
    }

    private static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(databasePort)
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedService.stopAll(postgres, first, second);
    }

    @Test
    void theServiceAnswers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        first.awaitCacheInUse();
        second.awaitCacheInUse();
        assertEquals(200, first.get(HOT).statusCode());
        assertEquals(200, first.get(HOT).statusCode()); // now a hot answer, served from the cache

        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(KINDS.size());
        for (String kind : KINDS) {
            boolean write = kind.endsWith("write");
            load.submit(() -> {
                while (running.get()) {
                    if (write) {
                        writesInFlight.incrementAndGet();
                        try {
                            if (!writesPaused.get()) { // checked after counting itself in: pauseWrites() sees it
                                samples.add(call(kind, sequence.incrementAndGet()));
                                continue;
                            }
                        } finally {
                            writesInFlight.decrementAndGet();
                        }
                        Thread.sleep(5);
                    } else {
                        samples.add(call(kind, sequence.incrementAndGet()));
                    }
                }
                return null;
            });
        }
        Await.until(
                "2xx answers of every kind before the outage",
                Await.GENEROUSLY,
                () -> KINDS.stream()
                        .allMatch(kind -> samples.stream()
                                        .filter(s -> s.kind().equals(kind) && s.status() / 100 == 2)
                                        .count()
                                >= 3),
                () -> statusCounts(List.copyOf(samples)).toString());

        // Every write makes the cached answers stale: without writes for a moment, the hot answer is in the cache when
        // the database stops, shown by a change made in the database behind the service's back that it does not show.
        pauseWrites();
        String hot = first.get(HOT).body();
        changeAMeasureBehindTheServicesBack();
        assertEquals(hot, first.get(HOT).body(), "the hot answer comes from the cache");

        long stoppedAt = System.nanoTime();
        postgres.close(); // pg_ctl stop -m fast: sessions are terminated
        writesPaused.set(false);
        awaitReadiness(first, 503);
        long readinessDownAt = System.nanoTime();
        // The cache stops being trusted before the service logs that it lost the notifications (DataVersion): from
        // then on, no answer may come from the cache.
        Await.until(
                "the first instance to stop serving from its cache",
                Await.GENEROUSLY,
                () -> !servesFromCache(first),
                first::log);
        long outageSamplesFrom = System.nanoTime();
        Await.until(
                "40 answers during the outage, each kind of request among them",
                Await.GENEROUSLY,
                () -> samples.stream()
                                        .filter(s -> s.sentAt() >= outageSamplesFrom)
                                        .count()
                                >= 40
                        && KINDS.stream()
                                .allMatch(kind -> samples.stream()
                                        .anyMatch(s -> s.sentAt() >= outageSamplesFrom
                                                && s.kind().equals(kind))),
                () -> samples.stream()
                        .filter(s -> s.sentAt() >= outageSamplesFrom)
                        .map(s -> s.kind() + " " + s.status())
                        .toList()
                        .toString());

        long restartingAt = System.nanoTime();
        postgres = startDatabase();
        long restartedAt = System.nanoTime();
        awaitReadiness(first, 200);
        long readinessUpAt = System.nanoTime();
        awaitReadiness(second, 200);
        // Readiness checks its own connection: the load's requests may still meet the outage until one of them, the
        // one trying the database, succeeds. Recovered means every kind of request got a 2xx again.
        Await.until(
                "a 2xx answer of every kind after the restart",
                Await.GENEROUSLY,
                () -> KINDS.stream()
                        .allMatch(kind -> samples.stream()
                                .anyMatch(s ->
                                        s.kind().equals(kind) && s.sentAt() >= restartedAt && s.status() / 100 == 2)),
                () -> statusCounts(samples.stream()
                                .filter(s -> s.sentAt() >= restartedAt)
                                .toList())
                        .toString());
        long recoveredFrom = System.nanoTime();
        Await.until(
                "20 answers of the load after recovery",
                Await.GENEROUSLY,
                () -> samples.stream().filter(s -> s.sentAt() >= recoveredFrom).count() >= 20,
                () -> "");
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(HANG.toSeconds() * 2, TimeUnit.SECONDS), "the load did not stop");

        List<Sample> all = new ArrayList<>(samples);
        // Sent once the outage was seen (readiness DOWN, the cache no longer trusted), answered before the restart
        // began.
        List<Sample> during = all.stream()
                .filter(s -> s.sentAt() >= outageSamplesFrom && s.sentAt() + s.nanos() < restartingAt)
                .toList();
        List<Sample> hotWhileDown = all.stream()
                .filter(s ->
                        s.kind().equals("hot read") && s.sentAt() >= stoppedAt && s.sentAt() + s.nanos() < restartingAt)
                .toList();
        long lastCachedAfter = hotWhileDown.stream()
                .filter(s -> s.status() == 200)
                .mapToLong(s -> s.sentAt() + s.nanos() - stoppedAt)
                .max()
                .orElse(0);
        List<Sample> after =
                all.stream().filter(s -> s.sentAt() >= recoveredFrom).toList();
        // Figures only, for whoever reads the log: none of them is asserted.
        System.out.printf(
                "DatabaseOutageIT: %d requests (%d before the stop); readiness DOWN %d ms after the stop, the cache out of use %d ms "
                        + "after it, last cached answer %d ms after it (%d hot reads while down, %d of them 503); %d answers during the outage "
                        + "(slowest %d ms, median %d ms); readiness UP %d ms after the restart, every kind answered again %d ms after it; %d answers "
                        + "after; slowest answer overall %d ms; statuses %s%n",
                all.size(),
                all.stream().filter(s -> s.sentAt() < stoppedAt).count(),
                millis(readinessDownAt - stoppedAt),
                millis(outageSamplesFrom - stoppedAt),
                millis(lastCachedAfter),
                hotWhileDown.size(),
                hotWhileDown.stream().filter(DatabaseOutageIT::isProblem503).count(),
                during.size(),
                millis(during.stream().mapToLong(Sample::nanos).max().orElse(0)),
                millis(during.stream()
                        .mapToLong(Sample::nanos)
                        .sorted()
                        .skip(during.size() / 2)
                        .findFirst()
                        .orElse(0)),
                millis(readinessUpAt - restartedAt),
                millis(recoveredFrom - restartedAt),
                after.size(),
                millis(all.stream().mapToLong(Sample::nanos).max().orElseThrow()),
                statusCounts(all));

        assertTrue(
                during.size() >= 40
                        && KINDS.stream()
                                .allMatch(kind ->
                                        during.stream().anyMatch(s -> s.kind().equals(kind))),
                "too few answers while down: " + during);
        for (Sample sample : during) {
            assertTrue(isProblem503(sample), "during the outage, a " + sample.kind() + " got " + sample);
        }
        for (Sample sample : all) {
            // -1: no answer within HANG, or the connection broke
            assertTrue(
                    sample.status() != 500 && sample.status() != -1,
                    "a " + sample.kind() + " got " + sample + ", " + millis(sample.sentAt() - stoppedAt)
                            + " ms after the stop");
        }
        for (Sample sample : after) {
            assertEquals(2, sample.status() / 100, "after recovery, a " + sample.kind() + " got " + sample);
        }
        theCacheIsCoherentAgainAcrossInstances();
    }

    /** A write through one instance reaches the other's cache: its notifications connection is back. */
    private void theCacheIsCoherentAgainAcrossInstances() throws Exception {
        // the listeners retry every second once the database is back, and say so
        first.awaitCacheInUse();
        second.awaitCacheInUse();
        String path = "/api/v1/evaluators/collectif-ensemble-contre-la-traite";
        assertEquals(200, second.get(path).statusCode());
        assertEquals(200, second.get(path).statusCode()); // now in the second instance's cache
        var write = first.admin(
                "PUT",
                path,
                "{\"slug\":\"collectif-ensemble-contre-la-traite\",\"name\":\"Renommé après la panne\","
                        + "\"shortName\":\"Collectif\",\"kind\":\"CIVIL_SOCIETY\"}",
                Map.of("If-Match", "*"));
        assertEquals(200, write.statusCode(), write.body());
        Await.until(
                "the other instance to answer the new data",
                Await.GENEROUSLY,
                () -> send(second, path).contains("Renommé après la panne"),
                () -> send(second, path));
    }

    private static final AtomicBoolean writesPaused = new AtomicBoolean();
    private static final AtomicInteger writesInFlight = new AtomicInteger();

    /** Stops the load's writes and waits for those in flight to be answered. */
    private static void pauseWrites() {
        writesPaused.set(true);
        Await.until("the writes in flight to be answered", Await.GENEROUSLY, () -> writesInFlight.get() == 0, () -> "");
    }

    private static void changeAMeasureBehindTheServicesBack() throws SQLException {
        try (Connection db = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                var update =
                        db.prepareStatement("update measure set title = title || ' (changé dans la base seulement)' "
                                + "where number = 1 and plan_id = (select id from plan where slug = '2019-2021')")) {
            assertEquals(1, update.executeUpdate());
        }
    }

    /** What the instance said last about its cache (PackagedService.awaitCacheInUse). */
    private static boolean servesFromCache(PackagedService instance) {
        String log = instance.log();
        return log.lastIndexOf("serving from the cache") > log.lastIndexOf("serving without the cache");
    }

    private static Sample call(String kind, int n) {
        HttpRequest.Builder request = switch (kind) {
            case "hot read" -> first.request(HOT).GET();
            case "database read" ->
                first.request("/api/v1/plans/2019-2021/measures?q=victimes&limit=" + (1 + n % 200))
                        .GET();
            case "page" ->
                first.request("/plans/2019-2021/measures/" + (1 + n % 45)).GET();
            case "evaluator write" ->
                first.request("/api/v1/plans/2019-2021/evaluations")
                        .header("Authorization", "Bearer " + evaluatorKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"evaluator\":\"cncdh\",\"title\":\"Suivi "
                                + n
                                + "\",\"date\":\"2024-01-01\",\"source\":{\"title\":\"Avis\",\"url\":\"https://www.cncdh.fr/\"},"
                                + "\"assessments\":[{\"measure\":" + (1 + n % 45) + ",\"status\":\"IMPLEMENTED\"}]}"));
            default ->
                first.request("/api/v1/evaluators")
                        .header("Authorization", "Bearer " + ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"slug\":\"outage-" + n + "\",\"name\":\"Évaluateur " + n + "\",\"shortName\":\"E" + n
                                        + "\",\"kind\":\"CIVIL_SOCIETY\"}"));
        };
        long sentAt = System.nanoTime();
        try {
            HttpResponse<String> response =
                    PackagedService.HTTP.send(request.timeout(HANG).build(), HttpResponse.BodyHandlers.ofString());
            return new Sample(
                    kind,
                    sentAt,
                    System.nanoTime() - sentAt,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body().length() > 300 ? response.body().substring(0, 300) : response.body());
        } catch (IOException | InterruptedException e) {
            return new Sample(kind, sentAt, System.nanoTime() - sentAt, -1, "", null, e.toString());
        }
    }

    private static boolean isProblem503(Sample sample) {
        return sample.status() == 503
                && sample.contentType().startsWith("application/problem+json")
                && "5".equals(sample.retryAfter())
                && sample.body().contains("\"title\":\"Database unavailable\"");
    }

    /** Polls readiness until it answers {@code status}. */
    private static void awaitReadiness(PackagedService instance, int status) {
        String[] last = {""};
        Await.until(
                "readiness of " + instance.base() + " to answer " + status,
                Await.GENEROUSLY,
                () -> {
                    try {
                        HttpResponse<String> ready = instance.get("/q/health/ready");
                        last[0] = ready.statusCode() + " " + ready.body();
                        return ready.statusCode() == status
                                && ready.body().contains(status == 200 ? "\"UP\"" : "\"DOWN\"");
                    } catch (IOException | InterruptedException e) {
                        last[0] = e.toString();
                        return false;
                    }
                },
                () -> last[0] + "\n" + instance.log());
    }

    private static String send(PackagedService instance, String path) {
        try {
            return instance.get(path).body();
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private static Map<Integer, Long> statusCounts(List<Sample> samples) {
        return samples.stream().collect(Collectors.groupingBy(Sample::status, TreeMap::new, Collectors.counting()));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
