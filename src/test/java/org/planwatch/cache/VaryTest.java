package org.planwatch.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every answer names, in ONE Vary line, every request header it depends on and only those (RFC 9110, 12.5.5), so that a
 * shared cache in front gives every client its own representation: Accept where it picks the media type, Accept-Encoding
 * where the HTTP layer may compress, Accept-Language and Cookie where they pick the language, Origin everywhere (CORS).
 * The 304 of a representation names the same headers as its 200, whether computed or served from memory.
 */
@QuarkusTest
class VaryTest {

    private static final String MEASURES = "/api/v1/plans/2019-2021/measures";
    private static final String NEGOTIATED = "Accept, Accept-Encoding, Origin";
    private static final String API = "Accept-Encoding, Origin";
    private static final String PAGE = "Accept-Encoding, Accept-Language, Cookie, Origin";
    private static final String EMBED = "Accept-Encoding, Accept-Language, Origin";
    /** Without decoding, to see which encoding was sent. */
    private static final RestAssuredConfig RAW =
            RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    /** The one Vary line of an answer; fails when there are several. */
    static String varyOf(Response response) {
        List<String> lines = response.headers().getValues("Vary");
        assertEquals(1, lines.size(), "one Vary line, not " + lines);
        return lines.get(0);
    }

    /** The 200, then its 304 (If-None-Match with its tag): both with {@code vary}. */
    private static Response check(Supplier<RequestSpecification> request, String path, String vary) {
        Response ok = request.get().get(path);
        ok.then().statusCode(200);
        assertEquals(vary, varyOf(ok), path + " (" + ok.contentType() + ")");
        Response notModified =
                request.get().header("If-None-Match", ok.header("ETag")).get(path);
        notModified.then().statusCode(304).body(emptyString());
        assertEquals(vary, varyOf(notModified), "the 304 of " + path);
        return ok;
    }

    @ParameterizedTest(name = "{0} with Accept: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/plans/2019-2021/measures | application/json | application/json",
                "/api/v1/plans/2019-2021/measures | text/csv         | text/csv",
                "/api/v1/plans/2019-2021/measures | */*              | application/json",
                "/api/v1/evaluations/1            | application/json | application/json",
                "/api/v1/evaluations/1            | text/csv         | text/csv"
            })
    void whereAcceptPicksTheMediaTypeBothRepresentationsNameIt(String path, String accept, String type) {
        for (String encoding : List.of("gzip", "identity")) {
            for (int attempt = 0; attempt < 2; attempt++) { // computed, then (JSON) from memory
                Response ok = check(
                        () -> given().config(RAW).accept(accept).header("Accept-Encoding", encoding), path, NEGOTIATED);
                ok.then()
                        .contentType(startsWith(type))
                        .header("Content-Encoding", "gzip".equals(encoding) ? equalTo("gzip") : nullValue());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/api/v1/plans",
        "/api/v1/plans/2019-2021",
        "/api/v1/plans/2019-2021/progress",
        "/api/v1/plans/2019-2021/measures/16",
        "/api/v1/evaluators",
        "/api/v1/plans/2019-2021/measures.csv",
        "/api/v1/evaluations/1.csv",
        "/api/v1/plans/2019-2021/badge.svg",
        "/api/v1/plans/2019-2021/badge.svg?lang=en",
        "/api/v1/plans/2019-2021/axes/3/badge.svg",
        "/api/v1/plans/2019-2021/measures/16/badge.svg",
        "/feeds/changes.atom",
        "/feeds/changes.atom?plan=2019-2021"
    })
    void aSingleRepresentationDependsOnEncodingAndOriginOnly(String path) {
        for (String encoding : List.of("gzip", "identity")) {
            for (int attempt = 0; attempt < 2; attempt++) {
                Response ok = check(() -> given().config(RAW).header("Accept-Encoding", encoding), path, API);
                ok.then().header("Content-Encoding", "gzip".equals(encoding) ? equalTo("gzip") : nullValue());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/", "/plans/2019-2021", "/plans/2019-2021/measures/16", "/embed?plan=2019-2021"})
    void aPageInTheVisitorsLanguageDependsOnCookieAndAcceptLanguage(String path) {
        String french = check(() -> given().header("Accept-Language", "fr-FR,fr;q=0.9"), path, PAGE)
                .then()
                .extract()
                .asString();
        String english = check(() -> given().header("Accept-Language", "en-GB,en;q=0.9"), path, PAGE)
                .then()
                .extract()
                .asString();
        String byCookie = check(
                        () -> given().cookie("planwatch-lang", "en").header("Accept-Language", "fr"), path, PAGE)
                .then()
                .extract()
                .asString();
        assertTrue(french.contains("lang=\"fr\""), "French page");
        assertTrue(english.contains("lang=\"en\""), "English page");
        assertTrue(byCookie.contains("lang=\"en\""), "the cookie's language");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/", "/plans/2019-2021", "/plans/2019-2021/measures/16"})
    void aPageWhoseUrlNamesTheLanguageDependsOnNeither(String path) {
        check(
                        () -> given().header("Accept-Language", "fr")
                                .cookie("planwatch-lang", "fr")
                                .queryParam("lang", "en"),
                        path,
                        API)
                .then()
                .body(containsString("lang=\"en\""));
        // a lang the pages do not have: the cookie and Accept-Language choose again
        check(() -> given().queryParam("lang", "de"), path, PAGE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/embed/progress?plan=2019-2021",
        "/embed/measures?plan=2019-2021&axis=3",
        "/embed/measure?plan=2019-2021&number=16"
    })
    void anEmbedDependsOnAcceptLanguageUnlessItsUrlNamesTheLanguage(String path) {
        String french = check(() -> given().header("Accept-Language", "fr"), path, EMBED)
                .then()
                .extract()
                .asString();
        String english = check(() -> given().header("Accept-Language", "en"), path, EMBED)
                .then()
                .extract()
                .asString();
        assertTrue(french.contains("lang=\"fr\""), "French embed");
        assertTrue(english.contains("lang=\"en\""), "English embed");
        // an embed is shown on other sites: Planwatch's cookie does not choose its language
        check(() -> given().cookie("planwatch-lang", "en").header("Accept-Language", "fr"), path, EMBED)
                .then()
                .body(containsString("lang=\"fr\""));
        check(() -> given().header("Accept-Language", "fr"), path + "&lang=en", API)
                .then()
                .body(containsString("lang=\"en\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/api/v1/plans",
        MEASURES,
        "/embed/progress?plan=2019-2021",
        "/api/v1/plans/2019-2021/badge.svg",
        "/feeds/changes.atom"
    })
    void everyOriginGetsItsOwnCorsAnswerAndTheSameVary(String path) {
        String vary = varyOf(given().get(path));
        for (String origin : List.of("https://one.example", "https://two.example")) {
            for (int attempt = 0; attempt < 2; attempt++) {
                Response ok = check(() -> given().header("Origin", origin), path, vary);
                ok.then().header("Access-Control-Allow-Origin", origin);
            }
        }
        check(() -> given(), path, vary).then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theOpenApiDocumentDependsOnAcceptUnlessTheUrlNamesTheFormat() {
        for (Map.Entry<String, String> accept : Map.of(
                        "application/json", "application/json", "*/*", "application/yaml")
                .entrySet()) {
            Response answer = given().accept(accept.getKey()).get("/q/openapi");
            answer.then().statusCode(200).contentType(startsWith(accept.getValue()));
            assertEquals(NEGOTIATED, varyOf(answer));
        }
        Response json =
                given().accept("application/yaml").queryParam("format", "json").get("/q/openapi");
        json.then().statusCode(200).contentType(startsWith("application/json"));
        assertEquals(API, varyOf(json));
    }

    @Test
    void staticFilesGetOneLineToo() {
        Response script = given().header("Accept-Encoding", "gzip").get("/embed.js");
        script.then().statusCode(200);
        assertEquals(API, varyOf(script));
    }

    @Test
    void errorsGetOneLine() {
        Response notFound = given().get("/api/v1/plans/1999-2000");
        notFound.then().statusCode(404);
        assertEquals("Origin", varyOf(notFound));
        Response notAcceptable = given().accept("text/csv").get("/api/v1/plans");
        notAcceptable.then().statusCode(406);
        assertEquals("Origin", varyOf(notAcceptable));
    }

    /** The in-memory cache keeps JSON only: whichever comes first, a CSV and a JSON request to one URL each get their own. */
    @Test
    void theResponseCacheNeverGivesOneMediaTypeForAnother() {
        for (String path : List.of(MEASURES + "?axis=1", MEASURES + "?axis=2")) {
            boolean csvFirst = path.endsWith("1");
            for (int round = 0; round < 3; round++) {
                for (String accept :
                        csvFirst ? List.of("text/csv", "application/json") : List.of("application/json", "text/csv")) {
                    Response answer = given().accept(accept).get(path);
                    answer.then().statusCode(200).contentType(startsWith(accept));
                    assertEquals(NEGOTIATED, varyOf(answer));
                }
            }
            // an Accept that refuses JSON is the REST layer's to read, even with JSON in memory
            given().accept("application/json;q=0, text/*")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/csv"));
        }
    }
}
