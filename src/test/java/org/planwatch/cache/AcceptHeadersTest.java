package org.planwatch.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the response cache reads in Accept-Encoding and Accept (RFC 9110 weights): plain JUnit, no Quarkus. */
class AcceptHeadersTest {

    @ParameterizedTest(name = "Accept-Encoding: {0} -> gzip {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "gzip                    | true",
                "GZIP                    | true",
                "br, gzip;q=0.5          | true",
                "gzip; q=0               | false",
                "gzip;q=0.0              | false",
                "gzip;Q=1.0              | true",
                "gzip;q=abc              | false",
                "deflate, br             | false",
                "identity                | false",
                "''                      | false",
                "null                    | false"
            })
    void gzipIsAcceptedWhenListedWithAWeightAboveZero(String acceptEncoding, boolean gzip) {
        assertEquals(gzip, ResponseCache.acceptsGzip(acceptEncoding));
    }

    @ParameterizedTest(name = "Accept: {0} -> JSON {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "null                              | true",
                "*/*                               | true",
                "application/json                  | true",
                "application/json, text/plain      | true",
                "text/csv                          | false",
                "application/json, text/csv;q=0.5  | false",
                "image/svg+xml                     | false"
            })
    void onlyJsonAnswersComeFromTheCache(String accept, boolean json) {
        assertEquals(json, ResponseCache.acceptsJson(accept));
    }
}
