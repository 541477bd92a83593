package org.planwatch.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Api.ADMIN_KEY;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.readMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planwatch.ContractValidation;
import org.planwatch.TestData;

/**
 * Two clients read the same resource, then update it at the same moment with the ETag they read:
 * the writes are serialised, so exactly one wins (200) and the other is told the resource changed
 * (412), and the resource ends up as the winner wrote it. Several rounds, because a lost update
 * only shows when both requests really overlap.
 *
 * <p>Fails as of this writing for plans, evaluators and evaluations: their services load the entity
 * before taking the write lock and check If-Match against that copy, so both updates can pass (a
 * lost update). Axes, measures and assessments are read after the lock and pass.
 */
@QuarkusTest
class ConcurrentUpdateTest {

    private static final int ROUNDS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    static Stream<Writable> writables() {
        return Writable.all();
    }

    record Answer(int status, String body) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("writables")
    void ofTwoSimultaneousUpdatesWithTheSameEtagExactlyOneWins(Writable kind) throws Exception {
        String path = kind.create().apply(data);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                String etag = etag(path);
                CountDownLatch start = new CountDownLatch(1);
                List<String> texts = List.of("Client A, tour " + round, "Client B, tour " + round);
                List<Future<Answer>> futures = new ArrayList<>();
                for (String text : texts) {
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + ADMIN_KEY)
                            .header("Content-Type", "application/json")
                            .header("If-Match", etag)
                            .PUT(HttpRequest.BodyPublishers.ofString(
                                    JSON.writeValueAsString(kind.update().apply(path, text))))
                            .build();
                    futures.add(executor.submit(() -> {
                        start.await();
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        ContractValidation.assertAllowed(response);
                        return new Answer(response.statusCode(), response.body());
                    }));
                }
                start.countDown();
                List<Answer> answers = new ArrayList<>();
                for (Future<Answer> future : futures) {
                    answers.add(future.get(60, TimeUnit.SECONDS));
                }

                List<Integer> statuses =
                        answers.stream().map(Answer::status).sorted().toList();
                assertEquals(List.of(200, 412), statuses, "round " + round + ": " + answers);
                Answer winner = answers.stream()
                        .filter(a -> a.status() == 200)
                        .findFirst()
                        .orElseThrow();
                Map<String, Object> written = JsonPath.from(winner.body()).getMap("$");
                assertEquals(written, readMap(path), "round " + round + ": the resource is as the winner wrote it");
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
