package org.planwatch.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planwatch.Await;

/** Conditional requests, compression and the response cache, seen from a client. */
@QuarkusTest
class CachingTest {

    private static final String ADMIN = "Bearer test-admin-key-that-is-only-used-by-the-test-suite";
    private static final String MEASURES = "/api/v1/plans/2019-2021/measures";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataVersion version;

    @TestHTTPResource("/")
    URI root;

    private String plan;

    /**
     * The cache serves nothing until the listener for the database's notifications has connected, which it does on its
     * own thread after the start: the tests that count the statements of a cached answer would otherwise depend on how
     * soon that thread ran.
     */
    @BeforeEach
    void cacheInUse() {
        Await.until("the response cache to be in use (database notifications heard)", version::trusted);
    }

    @BeforeEach
    void ownPlan() {
        int status;
        do { // a free period in the 22nd century, which no real plan uses
            int start = ThreadLocalRandom.current().nextInt(2100, 2199);
            plan = start + "-" + (start + 1);
            status = admin().body(Map.of(
                            "startYear",
                            start,
                            "endYear",
                            start + 1,
                            "title",
                            "Plan de test du cache",
                            "source",
                            Map.of("title", "Source", "url", "https://example.org/plan")))
                    .post("/api/v1/plans")
                    .statusCode();
        } while (status == 409);
        assertEquals(201, status);
        admin().body(Map.of("number", 1, "title", "Axe un"))
                .post("/api/v1/plans/" + plan + "/axes")
                .then()
                .statusCode(201);
        admin().body(Map.of("number", 1, "axis", 1, "title", "Mesure une"))
                .post("/api/v1/plans/" + plan + "/measures")
                .then()
                .statusCode(201);
    }

    /** Other tests read the shipped dataset as the only plan: leave nothing behind. */
    @AfterEach
    void removeOwnData() {
        admin().header("If-Match", "*").queryParam("cascade", true).delete("/api/v1/plans/" + plan);
        admin().header("If-Match", "*").queryParam("cascade", true).delete("/api/v1/evaluators/cache-" + plan);
    }

    @Test
    void aPublicAnswerIsTaggedAndCacheable() {
        Response response = given().get(MEASURES);
        response.then()
                .statusCode(200)
                .header("ETag", startsWith("\""))
                .header("Cache-Control", containsString("public"))
                .header("Cache-Control", containsString("max-age="))
                .header("Cache-Control", containsString("stale-while-revalidate="));
        assertTrue(
                String.join(",", response.headers().getValues("Vary")).contains("Accept-Encoding"),
                "Vary names Accept-Encoding");
    }

    @ParameterizedTest(name = "If-None-Match: {0}")
    @ValueSource(strings = {"TAG", "W/TAG", "\"other\", TAG", "*"})
    void aMatchingIfNoneMatchIsA304WithoutTouchingTheDatabase(String ifNoneMatch) {
        String etag = given().get(MEASURES).then().statusCode(200).extract().header("ETag");
        long statements = statementsFor(() -> given().header("If-None-Match", ifNoneMatch.replace("TAG", etag))
                .get(MEASURES)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .body(emptyString()));
        assertEquals(0, statements, "a 304 from memory reads nothing");
    }

    /** CSV, badges, the Atom feed, pages and embeds: a weak tag (the HTTP layer may compress them), and their 304. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/plans/2019-2021/measures.csv",
                "/api/v1/plans/2019-2021/badge.svg",
                "/api/v1/plans/2019-2021/axes/3/badge.svg",
                "/feeds/changes.atom",
                "/plans/2019-2021",
                "/embed/progress?plan=2019-2021"
            })
    void answersInOtherMediaTypesAreTaggedAndRevalidated(String path) {
        for (String encoding : List.of("identity", "gzip")) {
            Response response = given().header("Accept-Encoding", encoding).get(path);
            response.then()
                    .statusCode(200)
                    .header("ETag", startsWith("W/\""))
                    .header("Cache-Control", not(emptyString()))
                    .header("Last-Modified", not(emptyString()));
            String etag = response.header("ETag");
            assertTrue(
                    String.join(",", response.headers().getValues("Vary")).contains("Accept-Encoding"),
                    "Vary names Accept-Encoding");
            given().header("Accept-Encoding", encoding)
                    .header("If-None-Match", etag)
                    .get(path)
                    .then()
                    .statusCode(304)
                    .header("ETag", etag)
                    .body(emptyString());
            given().header("If-None-Match", etag.substring(2)).get(path).then().statusCode(304); // weak comparison
            given().header("If-None-Match", "W/\"not-this-one\"")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body(not(emptyString()));
        }
    }

    @Test
    void aBadgesTagChangesWhenItsStatusDoes() {
        String badge = "/api/v1/plans/" + plan + "/measures/1/badge.svg";
        String before = given().get(badge).then().statusCode(200).extract().header("ETag");
        admin().body(Map.of(
                        "slug",
                        "cache-" + plan,
                        "name",
                        "Évaluateur du cache",
                        "shortName",
                        "Cache",
                        "kind",
                        "CIVIL_SOCIETY"))
                .post("/api/v1/evaluators")
                .then()
                .statusCode(201);
        admin().body(Map.of(
                        "evaluator",
                        "cache-" + plan,
                        "title",
                        "Évaluation",
                        "date",
                        "2150-01-01",
                        "source",
                        Map.of("title", "Rapport", "url", "https://example.org/rapport"),
                        "assessments",
                        List.of(Map.of("measure", 1, "status", "IMPLEMENTED"))))
                .post("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .statusCode(201);
        given().header("If-None-Match", before)
                .get(badge)
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(before)));
    }

    @Test
    void anotherTagIsA200WithTheBody() {
        given().header("If-None-Match", "\"not-this-one\", W/\"nor-this\"")
                .get(MEASURES)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(45));
    }

    @Test
    void aRepeatedReadIsServedFromMemory() {
        String first = given().get(MEASURES + "?status=IMPLEMENTED")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        long[] statements = new long[1];
        String[] again = new String[1];
        statements[0] = statementsFor(() -> again[0] = given().get(MEASURES + "?status=IMPLEMENTED")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(first, again[0]);
        assertEquals(0, statements[0]);
    }

    @Test
    void acceptEncodingWeightsAreRead() {
        RestAssuredConfig raw =
                RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        for (int attempt = 0; attempt < 2; attempt++) { // computed, then from the cache
            given().config(raw)
                    .header("Accept-Encoding", "gzip;q=0.5, identity")
                    .get(MEASURES)
                    .then()
                    .statusCode(200)
                    .header("Content-Encoding", "gzip")
                    .header("ETag", endsWith("-gzip\""));
            given().config(raw)
                    .header("Accept-Encoding", "gzip; q=0, identity")
                    .get(MEASURES)
                    .then()
                    .statusCode(200)
                    .header("Content-Encoding", nullValue())
                    .header("ETag", not(endsWith("-gzip\"")));
        }
    }

    /** gzip is the only coding: a client that takes deflate alone gets the identity bytes, which the identity tag names. */
    @Test
    void deflateAloneGetsTheIdentityBytesAndTheirTag() {
        RestAssuredConfig raw =
                RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        String identityTag = given().config(raw)
                .header("Accept-Encoding", "identity")
                .get(MEASURES)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        for (int attempt = 0; attempt < 2; attempt++) { // computed, then from the cache
            given().config(raw)
                    .header("Accept-Encoding", "deflate")
                    .get(MEASURES + "?axis=" + (attempt + 1))
                    .then()
                    .statusCode(200)
                    .header("Content-Encoding", nullValue());
            given().config(raw)
                    .header("Accept-Encoding", "deflate")
                    .get(MEASURES)
                    .then()
                    .statusCode(200)
                    .header("Content-Encoding", nullValue())
                    .header("ETag", identityTag);
        }
    }

    /** Over HTTP/2 (h2c, as Java's HTTP client asks by default), a gzip answer is gzipped once, computed or from memory. */
    @Test
    void overHttp2AGzipAnswerIsCompressedOnce() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String expected = given().header("Accept-Encoding", "identity")
                .get(MEASURES + "?axis=4")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (int attempt = 0; attempt < 3; attempt++) {
            var answer = client.send(
                    HttpRequest.newBuilder(root.resolve(MEASURES.substring(1) + "?axis=4"))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(HttpClient.Version.HTTP_2, answer.version());
            assertEquals("gzip", answer.headers().firstValue("Content-Encoding").orElse(null));
            try (var unzip = new GZIPInputStream(new ByteArrayInputStream(answer.body()))) {
                assertEquals(expected, new String(unzip.readAllBytes(), StandardCharsets.UTF_8), "attempt " + attempt);
            }
        }
    }

    @Test
    void gzipHasItsOwnTagAndBothEncodingsValidateEachOther() {
        Response identity = given().config(RestAssured.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .get(MEASURES);
        identity.then().statusCode(200).header("Content-Encoding", nullValue());
        Response gzip = given().header("Accept-Encoding", "gzip").get(MEASURES);
        gzip.then().statusCode(200).header("Content-Encoding", "gzip").body("items.size()", equalTo(45));
        String identityTag = identity.header("ETag");
        String gzipTag = gzip.header("ETag");
        assertNotEquals(identityTag, gzipTag, "different bytes, different strong tags");
        assertEquals(identityTag.substring(0, identityTag.length() - 1) + "-gzip\"", gzipTag);
        given().header("Accept-Encoding", "gzip")
                .header("If-None-Match", identityTag)
                .get(MEASURES)
                .then()
                .statusCode(304);
        given().config(RestAssured.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("If-None-Match", gzipTag)
                .get(MEASURES)
                .then()
                .statusCode(304);
    }

    @Test
    void theGzipTagIsAcceptedByIfMatch() {
        String gzipTag = given().header("Accept-Encoding", "gzip")
                .get("/api/v1/plans/" + plan + "/axes/1")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        admin().header("If-Match", gzipTag)
                .body(Map.of("number", 1, "title", "Axe renommé"))
                .put("/api/v1/plans/" + plan + "/axes/1")
                .then()
                .statusCode(200);
    }

    @Test
    void everyKindOfWriteIsVisibleToTheNextRead() {
        String planPath = "/api/v1/plans/" + plan;
        // plan update
        warm(planPath);
        admin().header("If-Match", etagOf(planPath))
                .body(Map.of(
                        "startYear",
                        year(0),
                        "endYear",
                        year(1),
                        "title",
                        "Titre changé",
                        "source",
                        Map.of("title", "Source", "url", "https://example.org/plan")))
                .put(planPath)
                .then()
                .statusCode(200);
        given().get(planPath).then().body("title", equalTo("Titre changé"));
        // axis create
        warm(planPath + "/axes");
        admin().body(Map.of("number", 2, "title", "Axe deux"))
                .post(planPath + "/axes")
                .then()
                .statusCode(201);
        given().get(planPath + "/axes").then().body("items.number", equalTo(List.of(1, 2)));
        // measure create and update
        warm(planPath + "/measures");
        admin().body(Map.of("number", 2, "axis", 2, "title", "Mesure deux"))
                .post(planPath + "/measures")
                .then()
                .statusCode(201);
        given().get(planPath + "/measures").then().body("items.number", equalTo(List.of(1, 2)));
        admin().header("If-Match", etagOf(planPath + "/measures/2"))
                .body(Map.of("number", 2, "axis", 1, "title", "Mesure deux bis"))
                .put(planPath + "/measures/2")
                .then()
                .statusCode(200);
        given().get(planPath + "/measures?axis=1").then().body("items.title", hasItem("Mesure deux bis"));
        // evaluator create and update
        String slug = "cache-" + plan;
        admin().body(Map.of("slug", slug, "name", "Évaluateur du test", "shortName", "Test", "kind", "CIVIL_SOCIETY"))
                .post("/api/v1/evaluators")
                .then()
                .statusCode(201);
        warm("/api/v1/evaluators/" + slug);
        admin().header("If-Match", etagOf("/api/v1/evaluators/" + slug))
                .body(Map.of("slug", slug, "name", "Nom changé", "shortName", "Test", "kind", "CIVIL_SOCIETY"))
                .put("/api/v1/evaluators/" + slug)
                .then()
                .statusCode(200);
        given().get("/api/v1/evaluators/" + slug).then().body("name", equalTo("Nom changé"));
        // evaluation create
        warm(planPath + "/progress");
        int evaluation = admin().body(Map.of(
                        "evaluator",
                        slug,
                        "title",
                        "Évaluation",
                        "date",
                        "2030-01-01",
                        "source",
                        Map.of("title", "Rapport", "url", "https://example.org/rapport"),
                        "assessments",
                        List.of(Map.of("measure", 1, "status", "IMPLEMENTED"))))
                .post(planPath + "/evaluations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().get(planPath + "/progress").then().body("overall.statuses[0].count", equalTo(1));
        // assessment update
        warm(planPath + "/measures/1");
        String assessment = "/api/v1/evaluations/" + evaluation + "/assessments/1";
        admin().header("If-Match", etagOf(assessment))
                .body(Map.of("status", "NOT_IMPLEMENTED"))
                .put(assessment)
                .then()
                .statusCode(200);
        given().get(planPath + "/measures/1").then().body("status", equalTo("NOT_IMPLEMENTED"));
        // evaluation delete
        warm(planPath + "/measures/1");
        admin().header("If-Match", etagOf("/api/v1/evaluations/" + evaluation))
                .delete("/api/v1/evaluations/" + evaluation)
                .then()
                .statusCode(204);
        given().get(planPath + "/measures/1").then().body("status", equalTo("NOT_ASSESSED"));
        // plan delete
        warm(planPath);
        admin().header("If-Match", etagOf(planPath))
                .queryParam("cascade", true)
                .delete(planPath)
                .then()
                .statusCode(204);
        given().get(planPath).then().statusCode(404);
    }

    @Test
    void adminAnswersAreNeitherPublicNorKept() {
        given().header("Authorization", ADMIN)
                .get("/api/v1/audit?limit=1")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("private"));
        given().get("/api/v1/audit?limit=1").then().statusCode(401);
    }

    private int year(int offset) {
        return Integer.parseInt(plan.substring(0, 4)) + offset;
    }

    /** Reads twice, so that the answer is in the cache when the write comes. */
    private static void warm(String path) {
        given().get(path).then().statusCode(200);
        given().get(path).then().statusCode(200);
    }

    private static String etagOf(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    private long statementsFor(Runnable request) {
        sessionFactory.getStatistics().clear();
        request.run();
        return sessionFactory.getStatistics().getPrepareStatementCount();
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON);
    }
}
