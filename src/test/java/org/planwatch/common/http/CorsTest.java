package org.planwatch.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Associations call the API from their own pages: any origin may read it, never with credentials. */
@QuarkusTest
class CorsTest {

    private static final String ORIGIN = "https://association.example";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://association.example", "http://localhost:3000", "https://contrelatraite.com"})
    void anyOriginMayReadTheApiWithoutCredentials(String origin) {
        given().header("Origin", origin)
                .get("/api/v1/plans/2019-2021/measures")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", anyOf(equalTo(origin), equalTo("*")))
                .header("Access-Control-Allow-Credentials", anyOf(nullValue(), not(equalToIgnoringCase("true"))));
    }

    @Test
    void aPreflightForGetIsAllowedWithoutCredentials() {
        given().header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/plans/2019-2021/measures")
                .then()
                .statusCode(anyOf(equalTo(200), equalTo(204)))
                .header("Access-Control-Allow-Origin", anyOf(equalTo(ORIGIN), equalTo("*")))
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Credentials", anyOf(nullValue(), not(equalToIgnoringCase("true"))));
    }

    @Test
    void errorsAreReadableFromOtherOrigins() {
        given().header("Origin", ORIGIN)
                .get("/api/v1/plans/nope")
                .then()
                .statusCode(404)
                .header("Access-Control-Allow-Origin", anyOf(equalTo(ORIGIN), equalTo("*")));
    }

    @Test
    void withoutAnOriginThereIsNoCorsHeader() {
        given().get("/api/v1/plans").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    /**
     * An answer that echoes the caller's origin differs by origin, so it must say so (Fetch standard,
     * "CORS protocol and HTTP caches"): otherwise a shared cache hands one site's answer to another,
     * whose browser then refuses it.
     */
    @Test
    void anEchoedOriginIsDeclaredInVary() {
        Response response = given().header("Origin", ORIGIN).get("/api/v1/plans");
        response.then().statusCode(200).header("Access-Control-Allow-Origin", notNullValue());
        if (!"*".equals(response.header("Access-Control-Allow-Origin"))) {
            String vary = String.join(",", response.headers().getValues("Vary"));
            assertTrue(
                    vary.toLowerCase().contains("origin"),
                    "Access-Control-Allow-Origin echoes the origin but Vary is '" + vary + "'");
        }
    }

    /** An Origin header does not change what a wrong method gets: a 405 problem with Allow. */
    @Test
    void aWrongMethodFromAnotherOriginIsStillA405Problem() {
        Response response = given().header("Origin", ORIGIN).delete("/api/v1/plans");
        assertProblem(response, 405, "Method not allowed", "/api/v1/plans").header("Allow", containsString("GET"));
    }
}
