package org.planwatch.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances of the packaged service on one PostgreSQL: a write through one is visible through
 * the other, whose answer was in its cache, within one second.
 */
class TwoInstancesIT {

    private static final String ADMIN_KEY = "two-instances-admin-key";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedPostgres postgres;
    private static final List<Process> instances = new ArrayList<>();
    private static String first;
    private static String second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        first = start("first");
        second = start("second");
    }

    @AfterAll
    static void stopEverything() throws IOException {
        instances.forEach(Process::destroy);
        for (Process instance : instances) {
            try {
                instance.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aWriteThroughOneInstanceIsVisibleThroughTheOtherWithinOneSecond() throws Exception {
        String path = "/api/v1/evaluators/collectif-ensemble-contre-la-traite";
        HttpResponse<String> before = get(second + path);
        assertEquals(200, before.statusCode());
        assertEquals(before.body(), get(second + path).body(), "the second read comes from the second instance's cache");

        String etag = get(first + path).headers().firstValue("ETag").orElseThrow();
        String renamed = "{\"slug\":\"collectif-ensemble-contre-la-traite\",\"name\":\"Collectif renommé par le test\","
                + "\"shortName\":\"Collectif\",\"kind\":\"CIVIL_SOCIETY\",\"website\":\"https://contrelatraite.com\"}";
        HttpResponse<String> write = HTTP.send(HttpRequest.newBuilder(URI.create(first + path))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("If-Match", etag).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(renamed)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, write.statusCode(), write.body());
        long written = System.nanoTime();

        long deadline = written + Duration.ofSeconds(1).toNanos();
        String seen = get(second + path).body();
        while (!seen.contains("renommé par le test") && System.nanoTime() < deadline) {
            seen = get(second + path).body();
        }
        assertTrue(seen.contains("renommé par le test"), "the second instance still answers the old data one second after the write: " + seen);
    }

    private static String start(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("planwatch-" + name, ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("PLANWATCH_ADMIN_KEY", ADMIN_KEY);
        Process process = builder.start();
        instances.add(process);
        String base = "http://localhost:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "instance " + name + " died: " + Files.readString(log));
            try {
                if (get(base + "/q/health/ready").statusCode() == 200) {
                    return base;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100); // waiting for a process to start, not timing a behaviour
        }
        throw new AssertionError("instance " + name + " was not ready within 60 s: " + Files.readString(log));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
