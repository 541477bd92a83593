package org.planwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwatch.ManualClock;

/**
 * Rate limits, with limits small enough to reach (this class runs on its own instance, so the other
 * tests' requests do not count). All requests come from one address: each test uses another kind of limit.
 *
 * <p>The buckets refill by a {@link ManualClock} that only moves when a test moves it: each limit is reached at exactly
 * the request it allows plus one, however slowly the machine sends them, and the Retry-After it answers is exact.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    private static final String ADMIN = "Bearer test-admin-key-that-is-only-used-by-the-test-suite";

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "planwatch.rate-limit.writes-per-minute",
                    "20",
                    "planwatch.rate-limit.failed-authentications-per-minute",
                    "3",
                    "planwatch.rate-limit.reads-per-minute",
                    "50");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ManualClock.class);
        }
    }

    @Inject
    ManualClock clock;

    /** An hour later every bucket is full again: no test depends on what another one spent. */
    @BeforeEach
    void everyBucketFull() {
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void wrongKeysAreRefusedAfterTheLimitEvenWhenTheNextKeyIsRight() {
        for (int attempt = 0; attempt < 3; attempt++) {
            given().header("Authorization", "Bearer pw_wrong")
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/api/v1/plans")
                    .then()
                    .statusCode(401);
        }
        assertProblem(rightKeyWrite(), 429, "Too many requests", "/api/v1/plans")
                .header("Retry-After", "20") // 3 a minute: one more in 20 s
                .body("detail", containsString("wrong API key"));
        given().get("/api/v1/plans/2019-2021/axes/1").then().statusCode(200); // reads are another limit

        clock.advance(Duration.ofSeconds(19));
        assertEquals(429, rightKeyWrite().statusCode(), "refused until the Retry-After has passed");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(
                400,
                rightKeyWrite().statusCode(),
                "once the Retry-After has passed the right key is heard (its empty body is invalid)");
    }

    @Test
    void writesBeyondTheLimitOfAClientAre429WithRetryAfter() {
        // without a key the client is its address; each attempt counts, refused (401) or not
        Supplier<Response> write =
                () -> given().contentType(ContentType.JSON).body("{}").post("/api/v1/evaluators");
        Reached limit = untilRefused(write, 401);
        assertEquals(20, limit.heard(), "the 20 writes a minute are heard");
        assertProblem(limit.refusal(), 429, "Too many requests", "/api/v1/evaluators")
                .header("Retry-After", "3") // 20 a minute: one more every 3 s
                .body("detail", containsString("20 writes a minute"));

        clock.advance(Duration.ofMillis(2999));
        assertEquals(0, untilRefused(write, 401).heard(), "nothing more before 3 s");
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, untilRefused(write, 401).heard(), "one more write at 3 s");
    }

    @Test
    void readsBeyondTheConfiguredLimitAre429WithRetryAfter() {
        Supplier<Response> read = () -> given().get("/api/v1/evaluators?limit=1");
        Reached limit = untilRefused(read, 200);
        assertEquals(50, limit.heard(), "the 50 reads a minute are answered");
        assertProblem(limit.refusal(), 429, "Too many requests", "/api/v1/evaluators")
                .header("Retry-After", "2") // 50 a minute: one more every 1.2 s
                .body("detail", containsString("50 reads a minute"));

        clock.advance(Duration.ofMillis(1199));
        assertEquals(0, untilRefused(read, 200).heard(), "nothing more before 1.2 s");
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, untilRefused(read, 200).heard(), "one more read at 1.2 s");
    }

    private static Response rightKeyWrite() {
        return given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/plans");
    }

    /** How many requests were heard (answered {@code status}) before the first 429, and that 429 itself. */
    record Reached(int heard, Response refusal) {}

    /** Sends requests until one is refused: every answer before it must be {@code status}. */
    private static Reached untilRefused(Supplier<Response> request, int status) {
        for (int heard = 0; heard < 1000; heard++) {
            Response answer = request.get();
            if (answer.statusCode() == 429) {
                return new Reached(heard, answer);
            }
            assertEquals(status, answer.statusCode(), "answer " + (heard + 1) + ": " + answer.asString());
        }
        throw new AssertionError("no 429 after 1000 requests");
    }
}
