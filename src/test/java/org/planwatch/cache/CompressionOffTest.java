package org.planwatch.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planwatch.Await;

/** With compression turned off, no answer is gzipped (neither those computed nor those the cache serves), and none names Accept-Encoding in Vary. */
@QuarkusTest
@TestProfile(CompressionOffTest.WithoutCompression.class)
class CompressionOffTest {

    public static class WithoutCompression implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.enable-compression", "false");
        }
    }

    @Inject
    DataVersion version;

    @Test
    void aClientThatAsksForGzipGetsIdentityBytesAndTheirTag() {
        // the second and third answers come from the cache only once it is in use (its listener runs on its own thread)
        Await.until("the response cache to be in use (database notifications heard)", version::trusted);
        RestAssuredConfig raw =
                RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        for (int attempt = 0; attempt < 3; attempt++) { // computed, then from the cache
            given().config(raw)
                    .header("Accept-Encoding", "gzip")
                    .get("/api/v1/plans/2019-2021/progress")
                    .then()
                    .statusCode(200)
                    .header("Content-Encoding", nullValue())
                    .header("ETag", not(endsWith("-gzip\"")));
        }
    }

    /** Nothing is compressed, so nothing depends on Accept-Encoding: Vary does not name it, on 200s and 304s alike. */
    @Test
    void varyDoesNotNameAcceptEncoding() {
        for (int attempt = 0; attempt < 2; attempt++) { // computed, then from the cache
            for (var expected : Map.of(
                            "/api/v1/plans/2019-2021/progress",
                            "Origin",
                            "/api/v1/plans/2019-2021/measures",
                            "Accept, Origin",
                            "/embed/progress?plan=2019-2021",
                            "Accept-Language, Origin",
                            "/plans/2019-2021",
                            "Accept-Language, Cookie, Origin")
                    .entrySet()) {
                String etag = given().header("Accept-Encoding", "gzip")
                        .get(expected.getKey())
                        .then()
                        .statusCode(200)
                        .header("Vary", expected.getValue())
                        .extract()
                        .header("ETag");
                given().header("Accept-Encoding", "gzip")
                        .header("If-None-Match", etag)
                        .get(expected.getKey())
                        .then()
                        .statusCode(304)
                        .header("Vary", expected.getValue());
            }
        }
    }
}
