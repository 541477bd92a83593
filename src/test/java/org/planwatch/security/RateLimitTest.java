package org.planwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.planwatch.Problems.assertProblem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Rate limits, with limits small enough to reach (this class runs on its own instance, so the other
 * tests' requests do not count). All requests come from one address: each test uses another kind of limit.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planwatch.rate-limit.writes-per-minute", "20",
                    "planwatch.rate-limit.failed-authentications-per-minute", "3",
                    "planwatch.rate-limit.reads-per-minute", "50");
        }
    }

    @Test
    void wrongKeysAreRefusedAfterTheLimitEvenWhenTheNextKeyIsRight() {
        for (int attempt = 0; attempt < 3; attempt++) {
            given().header("Authorization", "Bearer pw_wrong").contentType(ContentType.JSON).body("{}").post("/api/v1/plans")
                    .then().statusCode(401);
        }
        var refused = given().header("Authorization", "Bearer test-admin-key-that-is-only-used-by-the-test-suite")
                .contentType(ContentType.JSON).body("{}").post("/api/v1/plans");
        assertProblem(refused, 429, "Too many requests", "/api/v1/plans")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("wrong API key"));
        given().get("/api/v1/plans/2019-2021/axes/1").then().statusCode(200); // reads are another limit
    }

    @Test
    void writesBeyondTheLimitOfAClientAre429WithRetryAfter() {
        // without a key the client is its address; each attempt counts, refused (401) or not
        int status = 401;
        for (int attempt = 0; attempt < 100 && status == 401; attempt++) {
            status = given().contentType(ContentType.JSON).body("{}").post("/api/v1/evaluators").statusCode();
        }
        assertProblem(given().contentType(ContentType.JSON).body("{}").post("/api/v1/evaluators"), 429, "Too many requests", "/api/v1/evaluators")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void readsBeyondTheConfiguredLimitAre429WithRetryAfter() {
        int status = 200;
        for (int attempt = 0; attempt < 200 && status == 200; attempt++) {
            status = given().get("/api/v1/evaluators?limit=1").statusCode();
        }
        assertProblem(given().get("/api/v1/evaluators?limit=1"), 429, "Too many requests", "/api/v1/evaluators")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }
}
