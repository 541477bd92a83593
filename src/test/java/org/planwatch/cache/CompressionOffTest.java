package org.planwatch.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.planwatch.Await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;

/** With compression turned off, no answer is gzipped: neither those computed nor those the cache serves. */
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
        RestAssuredConfig raw = RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        for (int attempt = 0; attempt < 3; attempt++) { // computed, then from the cache
            given().config(raw).header("Accept-Encoding", "gzip").get("/api/v1/plans/2019-2021/progress").then().statusCode(200)
                    .header("Content-Encoding", nullValue()).header("ETag", not(endsWith("-gzip\"")));
        }
    }
}
