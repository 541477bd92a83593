package org.planwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while a CSV import is in flight (its client is still uploading, as on a slow network): the service waits for
 * it (quarkus.shutdown.timeout), lets it finish and answer 201, then exits; the import is in the database.
 */
class GracefulShutdownIT {

    private static final String ADMIN_KEY = "graceful-shutdown-admin-key";
    private static final String PLAN = "2092-2093";
    private static final int MEASURES = 20;
    private static final byte[] CSV = csv();

    private static EmbeddedPostgres postgres;
    private static PackagedService service;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        service = PackagedService.start("graceful", postgres.getPort(), ADMIN_KEY);
        service.createPlanAndEvaluator(2092, MEASURES, "arret");
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedService.stopAll(postgres, service);
    }

    @Test
    void anImportInFlightWhenSigtermArrivesFinishesWith201() throws Exception {
        try (Socket socket = startImport(service, "import-pendant-l-arret")) {
            long terminatedAt = System.nanoTime();
            service.terminate();
            long drainingAfter = awaitDraining() - terminatedAt;
            assertTrue(service.process().isAlive(), "the service exited with a request in flight");

            String answer = finishImport(socket);
            long answeredAfter = System.nanoTime() - terminatedAt;
            assertTrue(answer.startsWith("HTTP/1.1 201"), "the import in flight got: " + answer);
            assertTrue(answer.contains("\"assessmentCount\":" + MEASURES), answer);
            assertTrue(
                    service.process().waitFor(30, TimeUnit.SECONDS), "the service did not exit after its last request");
            System.out.printf(
                    "GracefulShutdownIT: the service waited for requests in flight %d ms after SIGTERM; the import in flight "
                            + "answered 201 %d ms after SIGTERM; the service exited with status %d%n",
                    TimeUnit.NANOSECONDS.toMillis(drainingAfter),
                    TimeUnit.NANOSECONDS.toMillis(answeredAfter),
                    service.process().exitValue());
            Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(answer);
            assertTrue(id.find(), answer);

            service = PackagedService.start("graceful-restarted", postgres.getPort(), ADMIN_KEY);
            HttpResponse<String> stored = service.get("/api/v1/evaluations/" + id.group(1));
            assertEquals(200, stored.statusCode(), stored.body());
            assertTrue(stored.body().contains("\"assessmentCount\":" + MEASURES), stored.body());
        }
    }

    /** The control: the same import and SIGTERM without quarkus.shutdown.timeout is cut off, so the test above can fail. */
    @Test
    void withoutAShutdownTimeoutTheImportInFlightIsCutOff() throws Exception {
        PackagedService control = PackagedService.start(
                "graceful-control", postgres.getPort(), ADMIN_KEY, Map.of("QUARKUS_SHUTDOWN_TIMEOUT", ""));
        try (Socket socket = startImport(control, "import-sans-delai-de-grace")) {
            control.terminate();
            assertTrue(control.process().waitFor(30, TimeUnit.SECONDS), "the service did not exit");
            String answer;
            try {
                answer = finishImport(socket);
            } catch (IOException closed) {
                answer = closed.toString();
            }
            assertFalse(answer.startsWith("HTTP/1.1 2"), "without a shutdown timeout the import still got: " + answer);
        } finally {
            control.close();
        }
    }

    /** Sends the import's headers and half of its body, once the service has taken the request in. */
    private static Socket startImport(PackagedService target, String key) throws IOException {
        String head = "POST /api/v1/plans/" + PLAN + "/evaluations?evaluator=arret&title=" + key + "&date=2093-01-15"
                + "&sourceTitle=Source&sourceUrl=https://example.org/import HTTP/1.1\r\n"
                + "Host: localhost:" + target.port() + "\r\nAuthorization: Bearer " + ADMIN_KEY
                + "\r\nContent-Type: text/csv\r\n"
                + "Idempotency-Key: " + key + "\r\nContent-Length: " + CSV.length + "\r\nConnection: close\r\n"
                + "Expect: 100-continue\r\n\r\n";
        Socket socket = new Socket("localhost", target.port());
        socket.setSoTimeout((int) Duration.ofSeconds(40).toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // "100 Continue" says the service has taken the request in: SIGTERM now comes with it in flight.
        String goOn = readLine(socket);
        assertTrue(goOn.startsWith("HTTP/1.1 100"), goOn);
        assertEquals("", readLine(socket));
        out.write(CSV, 0, CSV.length / 2);
        out.flush();
        return socket;
    }

    /** Sends the rest of the body and reads the whole answer (the connection closes after it). */
    private static String finishImport(Socket socket) throws IOException {
        socket.getOutputStream().write(CSV, CSV.length / 2, CSV.length - CSV.length / 2);
        socket.getOutputStream().flush();
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * Quarkus says when its shutdown starts waiting for the requests in flight. A bound, not a speed requirement: it
     * leaves the import the rest of the 30-s shutdown timeout to finish in.
     */
    private static long awaitDraining() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (service.log().contains("Waiting for HTTP requests to complete")) {
                return System.nanoTime();
            }
            Thread.sleep(20); // polling for a condition, with a deadline
        }
        throw new AssertionError(
                "the service did not start waiting for requests in flight within 15 s of SIGTERM: " + service.log());
    }

    private static String readLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = socket.getInputStream().read();
                c != -1 && c != '\n';
                c = socket.getInputStream().read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static byte[] csv() {
        StringBuilder csv = new StringBuilder("measure;status;comment;evidenceUrl\n");
        for (int measure = 1; measure <= MEASURES; measure++) {
            csv.append(measure)
                    .append(";PARTIALLY_IMPLEMENTED;Import interrompu par un arrêt du service;https://example.org/")
                    .append(measure)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void created(HttpResponse<String> answer) {
        assertEquals(201, answer.statusCode(), answer.body());
    }
}
