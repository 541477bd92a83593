package org.planwatch.common.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planwatch.common.problem.ApiException;

/** Entity tags and the conditional headers' comparisons (RFC 9110): plain JUnit, no Quarkus. */
class ETagsTest {

    private final ETags etags = new ETags();

    ETagsTest() {
        etags.json = new ObjectMapper();
    }

    @Test
    void aTagIsAQuotedHashOfTheExactBytes() {
        String tag = ETags.ofBytes("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{27}\""), tag);
        assertEquals(tag, ETags.ofBytes("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(tag, ETags.ofBytes("{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(tag, etags.of(Map.of("a", 1)), "the tag of a representation is the tag of its JSON");
    }

    @Test
    void ifNoneMatchComparesWeaklyAndKnowsTheGzipVariant() {
        String tag = "\"abc\"";
        assertTrue(ETags.noneMatchHits(tag, tag));
        assertTrue(ETags.noneMatchHits("W/\"abc\"", tag));
        assertTrue(ETags.noneMatchHits(tag, "W/" + tag));
        assertTrue(ETags.noneMatchHits("\"x\", " + ETags.gzipVariant(tag), tag));
        assertTrue(ETags.noneMatchHits("*", tag));
        assertFalse(ETags.noneMatchHits("\"abd\"", tag));
        assertFalse(ETags.noneMatchHits(null, tag));
        assertEquals("\"abc-gzip\"", ETags.gzipVariant(tag));
    }

    @Test
    void ifMatchIsRequiredAndMustNameTheCurrentRepresentation() {
        Map<String, Object> current = Map.of("title", "Plan");
        String tag = etags.of(current);
        assertEquals(
                428,
                assertThrows(ApiException.class, () -> etags.requireMatch(null, current))
                        .status());
        assertEquals(
                428,
                assertThrows(ApiException.class, () -> etags.requireMatch(" ", current))
                        .status());
        assertEquals(
                412,
                assertThrows(ApiException.class, () -> etags.requireMatch("\"other\"", current))
                        .status());
        assertDoesNotThrow(() -> etags.requireMatch(tag, current));
        assertDoesNotThrow(() -> etags.requireMatch("\"other\", " + ETags.gzipVariant(tag), current));
        assertDoesNotThrow(() -> etags.requireMatch("*", current));
    }
}
