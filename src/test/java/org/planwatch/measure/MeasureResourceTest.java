package org.planwatch.measure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class MeasureResourceTest {

    private static final String MEASURES = "/api/v1/plans/2019-2021/measures";
    private static final List<Integer> IMPLEMENTED = List.of(38, 40, 45);
    private static final List<Integer> NOT_IMPLEMENTED = List.of(2, 4, 10, 11, 12, 14, 16, 24, 27, 29, 35, 37, 39, 43);

    /** The numbers of the measures a list request answers with (one page, large enough for all). */
    private static List<Integer> numbersOf(RequestSpecification request) {
        return request.queryParam("limit", 200)
                .get(MEASURES)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("$", hasEntry(equalTo("nextCursor"), nullValue()))
                .extract()
                .path("items.number");
    }

    @Test
    void listsAllMeasuresInNumberOrderOnOnePageByDefault() {
        given().get(MEASURES)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("items", hasSize(45))
                .body(
                        "items.number",
                        equalTo(IntStream.rangeClosed(1, 45).boxed().toList()))
                .body("$", hasEntry(equalTo("nextCursor"), nullValue()))
                .header("Link", nullValue());
    }

    @Test
    void listItemsCarryTheirAxisStatusAndWhereTheStatusComesFrom() {
        int evaluation = given().get("/api/v1/plans/2019-2021/evaluations")
                .then()
                .extract()
                .path("items[0].id");

        given().queryParam("limit", 200)
                .get(MEASURES)
                .then()
                .statusCode(200)
                .body("items[15].number", equalTo(16))
                .body("items[15].title", equalTo("Mettre en place un mécanisme national de référence"))
                .body("items[15].axis.number", equalTo(2))
                .body("items[15].axis.title", equalTo("Définir une stratégie d’identification des victimes"))
                .body("items[15].status", equalTo("NOT_IMPLEMENTED"))
                .body("items[15].statusLabel", equalTo("Non réalisée"))
                .body("items[15].statusSource.evaluationId", equalTo(evaluation))
                .body("items[15].statusSource.date", equalTo("2023-01-12"))
                .body("items[15].statusSource.evaluator.slug", equalTo("cncdh"))
                .body("items[15].statusSource.evaluator.shortName", equalTo("CNCDH"));
    }

    @Test
    void getsAMeasureWithItsAxisStatusAndAssessmentHistory() {
        int evaluation = given().get("/api/v1/plans/2019-2021/evaluations")
                .then()
                .extract()
                .path("items[0].id");

        given().get(MEASURES + "/16")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("plan", equalTo("2019-2021"))
                .body("number", equalTo(16))
                .body("title", equalTo("Mettre en place un mécanisme national de référence"))
                .body("axis.number", equalTo(2))
                .body("axis.title", equalTo("Définir une stratégie d’identification des victimes"))
                .body("status", equalTo("NOT_IMPLEMENTED"))
                .body("statusLabel", equalTo("Non réalisée"))
                .body("statusSource.evaluationId", equalTo(evaluation))
                .body("statusSource.date", equalTo("2023-01-12"))
                .body("statusSource.evaluator.slug", equalTo("cncdh"))
                .body("assessments", hasSize(1))
                .body("assessments[0].evaluation.id", equalTo(evaluation))
                .body("assessments[0].evaluation.date", equalTo("2023-01-12"))
                .body("assessments[0].evaluation.evaluator.slug", equalTo("cncdh"))
                .body("assessments[0].status", equalTo("NOT_IMPLEMENTED"))
                .body("assessments[0].statusLabel", equalTo("Non réalisée"));
    }

    @Test
    void filtersByAxis() {
        assertEquals(List.of(31, 32, 33, 34, 35), numbersOf(given().queryParam("axis", 4)));
        assertEquals(IntStream.rangeClosed(40, 45).boxed().toList(), numbersOf(given().queryParam("axis", 6)));
    }

    @Test
    void filtersByStatus() {
        assertEquals(IMPLEMENTED, numbersOf(given().queryParam("status", "IMPLEMENTED")));
        assertEquals(NOT_IMPLEMENTED, numbersOf(given().queryParam("status", "NOT_IMPLEMENTED")));
        assertEquals(
                28,
                numbersOf(given().queryParam("status", "PARTIALLY_IMPLEMENTED")).size());
    }

    @Test
    void repeatedStatusMatchesAnyOfThem() {
        assertEquals(
                List.of(2, 4, 10, 11, 12, 14, 16, 24, 27, 29, 35, 37, 38, 39, 40, 43, 45),
                numbersOf(given().queryParam("status", "IMPLEMENTED", "NOT_IMPLEMENTED")));
        assertEquals(
                45,
                numbersOf(given().queryParam("status", "IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED"))
                        .size());
    }

    @Test
    void notAssessedIsAcceptedAndMatchesNothingSinceTheCncdhAssessedEveryMeasure() {
        assertEquals(List.of(), numbersOf(given().queryParam("status", "NOT_ASSESSED")));
        assertEquals(IMPLEMENTED, numbersOf(given().queryParam("status", "IMPLEMENTED", "NOT_ASSESSED")));
    }

    @Test
    void axisAndStatusCombine() {
        assertEquals(List.of(38), numbersOf(given().queryParam("axis", 5).queryParam("status", "IMPLEMENTED")));
        assertEquals(List.of(40, 45), numbersOf(given().queryParam("axis", 6).queryParam("status", "IMPLEMENTED")));
        assertEquals(List.of(), numbersOf(given().queryParam("axis", 1).queryParam("status", "IMPLEMENTED")));
        assertEquals(
                List.of(20, 21, 22, 23, 25, 26, 28, 30),
                numbersOf(given().queryParam("axis", 3).queryParam("status", "PARTIALLY_IMPLEMENTED")));
    }

    @ParameterizedTest(name = "q={0}")
    @ValueSource(strings = {"mecanisme", "mécanisme", "MECANISME", "MÉCANISME", "Mécanisme"})
    void searchIgnoresAccentsAndCase(String q) {
        assertEquals(List.of(16), numbersOf(given().queryParam("q", q)));
    }

    @Test
    void searchFindsWordsTheExtractionHadSplit() {
        assertEquals(List.of(8, 10, 31, 33), numbersOf(given().queryParam("q", "enquete")));
        assertEquals(List.of(24), numbersOf(given().queryParam("q", "demandeurs")));
        assertEquals(List.of(42), numbersOf(given().queryParam("q", "diplomatie")));
    }

    @Test
    void everySearchWordMustAppear() {
        assertEquals(List.of(8, 10), numbersOf(given().queryParam("q", "enquete traite")));
        assertEquals(List.of(6, 8, 10, 13, 21, 34, 40), numbersOf(given().queryParam("q", "traite humains")));
        assertEquals(List.of(12, 25), numbersOf(given().queryParam("q", "  Protection   VICTIMES ")));
        assertEquals(List.of(), numbersOf(given().queryParam("q", "mecanisme victimes")));
    }

    @Test
    void searchWithoutMatchGivesAnEmptyList() {
        given().queryParam("q", "esclavage")
                .get(MEASURES)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("$", hasEntry(equalTo("nextCursor"), nullValue()));
    }

    @Test
    void searchFoldsLigaturesAndTypographicApostrophes() {
        assertEquals(List.of(36, 38), numbersOf(given().queryParam("q", "oeuvre")));
        assertEquals(List.of(34), numbersOf(given().queryParam("q", "coeur")));
        // titles use ’; people type '
        assertEquals(List.of(1, 6, 7, 10), numbersOf(given().queryParam("q", "d'exploitation")));
        assertEquals(List.of(1, 6, 7, 10), numbersOf(given().queryParam("q", "d’exploitation")));
    }

    @ParameterizedTest(name = "q={0}")
    @ValueSource(strings = {"%", "_", "d_exploitation", "site%dedie", "%%", "\\"})
    void likeWildcardsInSearchAreLiteralCharacters(String q) {
        // Were % or _ wildcards, "d_exploitation" would find 1, 6, 7, 10 and "site%dedie" would find 2.
        assertEquals(List.of(), numbersOf(given().queryParam("q", q)));
    }

    @Test
    void searchCombinesWithAxisAndStatus() {
        assertEquals(
                List.of(6, 8, 10), numbersOf(given().queryParam("q", "traite").queryParam("axis", 1)));
        assertEquals(
                List.of(10),
                numbersOf(given().queryParam("q", "traite")
                        .queryParam("axis", 1)
                        .queryParam("status", "NOT_IMPLEMENTED")));
        assertEquals(
                List.of(40), numbersOf(given().queryParam("q", "traite humains").queryParam("status", "IMPLEMENTED")));
    }

    @Test
    void aBlankSearchIsNoFilter() {
        assertEquals(45, numbersOf(given().queryParam("q", "   ")).size());
    }
}
