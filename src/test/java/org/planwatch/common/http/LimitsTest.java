package org.planwatch.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planwatch.ContractValidation;

/** The limits of README's "Limits" table, each with its answer. */
@QuarkusTest
class LimitsTest {

    private static final String ADMIN = "Bearer test-admin-key-that-is-only-used-by-the-test-suite";
    private static final String MEASURES = "/api/v1/plans/2019-2021/measures";

    @Test
    void aBodyOverTwoMebibytesIsA413ProblemBeforeItIsRead() {
        byte[] body = new byte[2 * 1024 * 1024 + 1];
        assertProblem(
                        given().header("Authorization", ADMIN)
                                .contentType(ContentType.JSON)
                                .body(body)
                                .post("/api/v1/plans"),
                        413,
                        "Request body too large",
                        "/api/v1/plans")
                .body("detail", containsString("2097152"));
    }

    @Test
    void headersOverTheLimitAreRefusedByTheHttpLayer() {
        given().header("X-Padding", "a".repeat(25_000)).get(MEASURES).then().statusCode(431);
    }

    @Test
    void aStatusFilterTakesAtMostTenValues() {
        given().queryParam("status", Collections.nCopies(10, "IMPLEMENTED").toArray())
                .get(MEASURES)
                .then()
                .statusCode(200);
        assertProblem(
                        given().queryParam(
                                        "status",
                                        Collections.nCopies(11, "IMPLEMENTED").toArray())
                                .get(MEASURES),
                        400,
                        "Invalid parameter",
                        MEASURES)
                .body("errors.field", hasItem("status"));
        assertProblem(
                given().queryParam("status", String.join(",", Collections.nCopies(11, "IMPLEMENTED")))
                        .get(MEASURES),
                400,
                "Invalid parameter",
                MEASURES);
    }

    @Test
    void limitAndQAreBounded() {
        assertProblem(given().queryParam("limit", 201).get(MEASURES), 400, "Invalid parameter", MEASURES)
                .body("errors[0].field", equalTo("limit"));
        assertProblem(given().queryParam("q", "a".repeat(201)).get(MEASURES), 400, "Invalid parameter", MEASURES)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void aNulCharacterInTheUrlIsA400Problem() {
        given().urlEncodingEnabled(false)
                .get("/api/v1/plans/a%00b/progress")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid parameter"));
        given().urlEncodingEnabled(false)
                .get(MEASURES + "?q=a%00b")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aNulCharacterInAJsonStringIsA400NamingTheField() {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("slug", "nul-test", "name", "a\u0000b", "shortName", "N", "kind", "CIVIL_SOCIETY"))
                .post("/api/v1/evaluators")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
    }

    @Test
    void aContentTypeThatIsNoMediaTypeIsA415Problem() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "api/v1/plans"))
                                .header("Authorization", ADMIN)
                                .header("Content-Type", "garbage")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode(), response.body());
        ContractValidation.assertAllowed(response);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"status\":415"), response.body());
    }

    @TestHTTPResource("/")
    String base;
}
