package org.planwatch.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTML pages over HTTP: who may frame them, their language, and what they say without a browser. */
@QuarkusTest
class PagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/plans/2019-2021", "/plans/2019-2021/measures/16", "/embed"})
    void dashboardPagesMayNotBeFramed(String path) {
        given().get(path)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/embed/progress?plan=2019-2021",
                "/embed/measures?plan=2019-2021&axis=3",
                "/embed/measure?plan=2019-2021&number=16"
            })
    void embedsMayBeFramedByAnySite(String path) {
        given().get(path)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("X-Frame-Options", nullValue())
                .header("Content-Security-Policy", containsString("frame-ancestors *"));
    }

    @Test
    void theLanguageComesFromTheParameterThenTheCookieThenAcceptLanguage() {
        given().get("/").then().body(containsString("<html lang=\"fr\">")).body(containsString("Avancement global"));
        given().header("Accept-Language", "en-GB,en;q=0.9").get("/").then().body(containsString("<html lang=\"en\">"));
        given().get("/?lang=en")
                .then()
                .body(containsString("Overall progress"))
                .header("Set-Cookie", containsString("planwatch-lang=en"));
        given().cookie("planwatch-lang", "en")
                .header("Accept-Language", "fr")
                .get("/plans/2019-2021/measures/16")
                .then()
                .body(containsString("Not implemented"))
                .body(containsString("Mettre en place un mécanisme national de référence"));
        given().cookie("planwatch-lang", "en").get("/?lang=fr").then().body(containsString("<html lang=\"fr\">"));
    }

    @Test
    void theFilteredListWorksWithoutJavaScript() {
        String html = given().get("/plans/2019-2021?axis=3&status=NOT_IMPLEMENTED")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (int number = 1; number <= 45; number++) {
            boolean shown = number == 24 || number == 27 || number == 29;
            assertEquals(
                    shown, html.matches("(?s).*<tr data-number=\"" + number + "\"[^>]*[^n]>.*"), "measure " + number);
        }
        assertTrue(html.contains("href=\"/api/v1/plans/2019-2021/measures.csv?axis=3&amp;status=NOT_IMPLEMENTED\""));
    }

    @Test
    void theFormSentAsIsWithEveryFieldAtAllShowsEveryMeasure() {
        // a plain form submit sends the fields left at "all" empty
        String page = given().get("/plans/2019-2021?axis=&status=&q=")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (int number = 1; number <= 45; number++) {
            assertTrue(page.matches("(?s).*<tr data-number=\"" + number + "\"[^>]*[^n]>.*"), "measure " + number);
        }
        String embed = given().get("/embed/measures?plan=2019-2021&axis=&status=&q=")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(45, embed.split("<li data-number=", -1).length - 1);
        String filtered = given().get("/plans/2019-2021?axis=3&status=&status=NOT_IMPLEMENTED&q=")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(filtered.matches("(?s).*<tr data-number=\"24\"[^>]*[^n]>.*"));
        assertFalse(filtered.matches("(?s).*<tr data-number=\"1\"[^>]*[^n]>.*"));
    }

    @Test
    void everyPageLinksToTheApiAndSwaggerUi() {
        for (String path : new String[] {"/", "/plans/2019-2021/measures/16", "/embed"}) {
            given().get(path)
                    .then()
                    .body(containsString("href=\"/q/swagger-ui\""))
                    .body(containsString("href=\"/api/v1/plans/2019-2021"));
        }
    }

    @Test
    void anUnknownPlanOrMeasureIsA404() {
        assertProblem(given().get("/plans/1999-2000"), 404, "Resource not found", "/plans/1999-2000");
        assertProblem(
                given().get("/plans/2019-2021/measures/99"), 404, "Resource not found", "/plans/2019-2021/measures/99");
        assertProblem(
                given().get("/embed/measure?plan=2019-2021&number=99"), 404, "Resource not found", "/embed/measure");
    }

    @Test
    void theEmbedScriptIsServed() {
        given().get("/embed.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("data-planwatch"))
                .body(not(containsString("innerHTML")));
    }
}
