package org.planwatch.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A problem sends every field, null when it has no value; no field errors is null, never an empty list. */
class ProblemTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noFieldErrorsIsNull() {
        assertNull(new Problem("about:blank", "Forbidden", 403, "No.", "/x", List.of(), null).errors());
        assertNull(new Problem("about:blank", "Forbidden", 403, "No.", "/x", null, null).errors());
    }

    @Test
    void everyFieldIsSentAndNullWhenItHasNoValue() throws Exception {
        assertEquals(
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"No.\",\"instance\":\"/x\","
                        + "\"errors\":null,\"errorId\":null}",
                json.writeValueAsString(new Problem("about:blank", "Forbidden", 403, "No.", "/x", List.of(), null)));
        assertEquals(
                "{\"type\":\"about:blank\",\"title\":\"Internal server error\",\"status\":500,\"detail\":\"Failed.\",\"instance\":\"/x\","
                        + "\"errors\":null,\"errorId\":\"42\"}",
                json.writeValueAsString(
                        new Problem("about:blank", "Internal server error", 500, "Failed.", "/x", List.of(), "42")));
        assertEquals(
                "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"Bad.\",\"instance\":\"/x\","
                        + "\"errors\":[{\"field\":\"limit\",\"message\":\"too big\"}],\"errorId\":null}",
                json.writeValueAsString(new Problem(
                        "about:blank",
                        "Invalid request",
                        400,
                        "Bad.",
                        "/x",
                        List.of(new Problem.FieldError("limit", "too big")),
                        null)));
    }
}
