package org.planwatch;

import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** The checks every error answer must pass, whatever went wrong. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /**
     * An RFC 9457 problem with this status and title, about this path, that shows nothing of the
     * server's internals (no exception, no Java package or class name).
     */
    public static ValidatableResponse assertProblem(Response response, int status, String title, String path) {
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
}
