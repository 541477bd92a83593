package org.planwatch;

import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks every error answer must pass, whatever went wrong. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    /**
     * An RFC 9457 problem with this status and title, about this path, that shows nothing of the
     * server's internals (no exception, no Java package or class name), and that sends every field of
     * Problem: {@code errors} null or a non-empty list, {@code errorId} null except on a 500.
     */
    public static ValidatableResponse assertProblem(Response response, int status, String title, String path) {
        assertAllFields(response);
        return response.then()
                .statusCode(status)
                .header("Content-Type", startsWith(MEDIA_TYPE))
                .body("type", not(blankOrNullString()))
                .body("title", equalTo(title))
                .body("status", equalTo(status))
                .body("detail", not(blankOrNullString()))
                .body("instance", equalTo(path))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.")))
                .body(not(containsString("java.")));
    }

    /** Every field of Problem is sent, null when it has no value (README, "Null fields"). */
    public static void assertAllFields(Response response) {
        Map<String, Object> body = response.jsonPath().getMap("$");
        assertEquals(
                Set.of("type", "title", "status", "detail", "instance", "errors", "errorId"),
                body.keySet(),
                "a problem's fields: " + body);
        assertTrue(
                body.get("errors") == null || !((List<?>) body.get("errors")).isEmpty(),
                "errors is null or not empty: " + body);
        assertTrue(
                response.statusCode() == 500 ? body.get("errorId") != null : body.get("errorId") == null,
                "errorId is set on a 500 only: " + body);
    }
}
