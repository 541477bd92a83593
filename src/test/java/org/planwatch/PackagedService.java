package org.planwatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar, built by {@code package} before failsafe runs the
 * integration tests) as a separate process on a given PostgreSQL, as it runs in production: it can be killed,
 * terminated and started again.
 */
public final class PackagedService implements AutoCloseable {

    /** Every request is bounded: a hanging server fails the test instead of hanging it. */
    public static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Database timeouts for instances whose test is not about the database going away. */
    static final Map<String, String> PATIENT_DATABASE = Map.of(
            "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "15S",
            "QUARKUS_DATASOURCE_JDBC_LOGIN_TIMEOUT", "15S");

    /** The service's own fail-fast database timeouts (application.properties), for tests about an outage. */
    public static final Map<String, String> FAIL_FAST_DATABASE = Map.of(
            "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "1S",
            "QUARKUS_DATASOURCE_JDBC_LOGIN_TIMEOUT", "1S");

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final String adminKey;

    private PackagedService(String name, Process process, Path log, int port, String adminKey) {
        this.name = name;
        this.adminKey = adminKey;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts an instance on the database at localhost:{@code databasePort} and waits until it is ready. */
    public static PackagedService start(String name, int databasePort, String adminKey, Map<String, String> environment)
            throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("planwatch-" + name, ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + databasePort + "/postgres");
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("PLANWATCH_ADMIN_KEY", adminKey);
        // The service fails fast (1 s) when it gets no database connection; on a busy machine its start-up (Flyway,
        // several instances and their database starting together) can take longer than that without anything being
        // wrong. Tests that are about the fail-fast (DatabaseOutageIT) set the service's own values back.
        builder.environment().putAll(PATIENT_DATABASE);
        builder.environment().putAll(environment);
        PackagedService service = new PackagedService(name, builder.start(), log, port, adminKey);
        service.awaitReady(Duration.ofSeconds(120)); // a generous bound: a busy machine starts it slowly
        return service;
    }

    public static PackagedService start(String name, int databasePort, String adminKey) throws Exception {
        return start(name, databasePort, adminKey, Map.of());
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("instance " + name + " died while starting, " + exit() + ": " + log());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100); // waiting for a process to start, not timing a behaviour
        }
        throw new AssertionError("instance " + name + " was not ready within " + within.toSeconds() + " s: " + log());
    }

    /**
     * Waits until the instance serves from its response cache, which it does once its listener for the database's
     * notifications is connected, on its own thread after the start (readiness does not wait for it): it logs so.
     */
    public void awaitCacheInUse() {
        Await.until(
                "instance " + name + " to serve from its cache",
                Await.GENEROUSLY,
                () -> {
                    String log = log();
                    return log.lastIndexOf("serving from the cache") > log.lastIndexOf("serving without the cache");
                },
                this::log);
    }

    /** How the process ended: a signal (128 + its number) that the process did not send itself came from outside. */
    private String exit() {
        int status = process.exitValue();
        return switch (status) {
            case 137 -> "exit 137 (SIGKILL, sent from outside the service)";
            case 143 -> "exit 143 (SIGTERM, sent from outside the service)";
            default -> "exit " + status;
        };
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).timeout(REQUEST_TIMEOUT);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A write as the administrator, with a JSON body. */
    public HttpResponse<String> admin(String method, String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path)
                .header("Authorization", "Bearer " + adminKey)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * A plan of the test's own, {@code startYear}-{@code startYear + 1}, with one axis and {@code measures} measures, and an
     * evaluator {@code evaluator}, created through the API as the administrator.
     */
    public void createPlanAndEvaluator(int startYear, int measures, String evaluator)
            throws IOException, InterruptedException {
        String plan = "/api/v1/plans/" + startYear + "-" + (startYear + 1);
        created(admin(
                "POST",
                "/api/v1/plans",
                "{\"startYear\":" + startYear + ",\"endYear\":" + (startYear + 1)
                        + ",\"title\":\"Plan de test\",\"source\":{\"title\":\"Source\",\"url\":\"https://example.org/plan\"}}",
                Map.of()));
        created(admin("POST", plan + "/axes", "{\"number\":1,\"title\":\"Axe un\"}", Map.of()));
        for (int measure = 1; measure <= measures; measure++) {
            created(admin(
                    "POST",
                    plan + "/measures",
                    "{\"number\":" + measure + ",\"axis\":1,\"title\":\"Mesure " + measure + "\"}",
                    Map.of()));
        }
        created(admin(
                "POST",
                "/api/v1/evaluators",
                "{\"slug\":\"" + evaluator
                        + "\",\"name\":\"Évaluateur de test\",\"shortName\":\"Test\",\"kind\":\"CIVIL_SOCIETY\"}",
                Map.of()));
    }

    private static void created(HttpResponse<String> answer) {
        if (answer.statusCode() != 201) {
            throw new AssertionError("setting up the test data: " + answer.statusCode() + " " + answer.body());
        }
    }

    /** Stops the instances (SIGTERM, then SIGKILL after 40 s), then the database; any of them may be null. */
    public static void stopAll(EmbeddedPostgres postgres, PackagedService... instances)
            throws IOException, InterruptedException {
        for (PackagedService instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** kill -9: no shutdown hook, no graceful anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an orchestrator stops a container; does not wait. */
    public void terminate() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
