package org.planwatch.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvaluationResourceTest {

    private static final String TITLE =
            "Évaluation de la mise en œuvre du plan d'action national contre la traite des êtres humains (2019-2021)";

    private static int cncdhEvaluation() {
        return given().get("/api/v1/plans/2019-2021/evaluations")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }

    @Test
    void listsThePlansEvaluationsWithTheirSourceAndSize() {
        given().get("/api/v1/plans/2019-2021/evaluations")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("$", hasEntry(equalTo("nextCursor"), nullValue()))
                .body("items", hasSize(1))
                .body("items[0].plan", equalTo("2019-2021"))
                .body("items[0].evaluator.slug", equalTo("cncdh"))
                .body("items[0].evaluator.shortName", equalTo("CNCDH"))
                .body("items[0].title", equalTo(TITLE))
                .body("items[0].date", equalTo("2023-01-12"))
                .body("items[0].source.url", equalTo("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047011945"))
                .body("items[0].summary", startsWith("Sur 45 mesures, seules trois ont été réalisées."))
                .body("items[0].assessmentCount", equalTo(45));
    }

    @Test
    void getsAnEvaluationWithItsAssessmentsInMeasureOrder() {
        int id = cncdhEvaluation();
        given().get("/api/v1/evaluations/" + id)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("id", equalTo(id))
                .body("plan", equalTo("2019-2021"))
                .body("evaluator.slug", equalTo("cncdh"))
                .body("title", equalTo(TITLE))
                .body("date", equalTo("2023-01-12"))
                .body("source.url", equalTo("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047011945"))
                .body("assessmentCount", equalTo(45))
                .body("assessments", hasSize(45))
                .body("assessments[15].measure", equalTo(16))
                .body("assessments[15].measureTitle", equalTo("Mettre en place un mécanisme national de référence"))
                .body("assessments[15].axis.number", equalTo(2))
                .body("assessments[15].axis.title", equalTo("Définir une stratégie d’identification des victimes"))
                .body("assessments[15].status", equalTo("NOT_IMPLEMENTED"))
                .body("assessments[15].statusLabel", equalTo("Non réalisée"));
    }

    @Test
    void theListedEvaluationIsTheDetailWithoutItsAssessments() {
        int id = cncdhEvaluation();
        Map<String, Object> listed = given().get("/api/v1/plans/2019-2021/evaluations")
                .then()
                .extract()
                .jsonPath()
                .getMap("items[0]");
        Map<String, Object> detail = given().get("/api/v1/evaluations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        detail.remove("assessments");
        assertEquals(listed, detail);
    }

    @Test
    void itsAssessmentsAreTheMeasuresCurrentStatuses() {
        int id = cncdhEvaluation();
        var measures = given().queryParam("limit", 200)
                .get("/api/v1/plans/2019-2021/measures")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        var evaluation = given().get("/api/v1/evaluations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(measures.getList("items.number"), evaluation.getList("assessments.measure"));
        assertEquals(measures.getList("items.title"), evaluation.getList("assessments.measureTitle"));
        assertEquals(measures.getList("items.status"), evaluation.getList("assessments.status"));
        assertEquals(measures.getList("items.axis"), evaluation.<List<?>>getList("assessments.axis"));
    }
}
