package org.planwatch.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.as;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.TestData;

@QuarkusTest
class AssessmentWriteTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void aPutOnAMeasureNotYetAssessedCreatesTheAssessment() {
        String plan = data.planWithMeasures(3);
        String evaluator = data.evaluator();
        long evaluation = data.evaluation(plan, evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED"));
        String path = "/api/v1/evaluations/" + evaluation + "/assessments/3";

        Response created = json(
                        as(data.key(evaluator).secret()),
                        Map.of(
                                "status",
                                "PARTIALLY_IMPLEMENTED",
                                "comment",
                                "En cours.",
                                "evidence",
                                List.of(Map.of("url", "https://www.example.fr/preuve", "title", "Preuve"))))
                .put(path);
        created.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith(path))
                .header("ETag", notNullValue())
                .body("evaluation.id", equalTo((int) evaluation))
                .body("evaluation.evaluator.slug", equalTo(evaluator))
                .body("measure", equalTo(3))
                .body("measureTitle", equalTo("Mesure 3"))
                .body("axis.number", equalTo(1))
                .body("status", equalTo("PARTIALLY_IMPLEMENTED"))
                .body("statusLabel", equalTo("Partiellement réalisée"))
                .body("comment", equalTo("En cours."))
                .body("evidence.url", contains("https://www.example.fr/preuve"))
                .body("evidence.title", contains("Preuve"));

        Response read = given().get(path);
        read.then().statusCode(200);
        assertEquals(created.jsonPath().getMap("$"), read.jsonPath().getMap("$"));
        assertEquals(created.header("ETag"), read.header("ETag"));
        given().get("/api/v1/evaluations/" + evaluation)
                .then()
                .body("assessmentCount", equalTo(2))
                .body("assessments.measure", contains(1, 3))
                .body("assessments[1].evidence.url", contains("https://www.example.fr/preuve"));
        given().get("/api/v1/plans/" + plan + "/measures/3")
                .then()
                .body("status", equalTo("PARTIALLY_IMPLEMENTED"))
                .body("assessments[0].evidence.url", contains("https://www.example.fr/preuve"));
    }

    @Test
    void aPutWithIfMatchReplacesTheAssessmentAndItsEvidence() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        long evaluation = data.evaluation(plan, evaluator, "2150-01-01", Map.of(1, "NOT_IMPLEMENTED"));
        String path = "/api/v1/evaluations/" + evaluation + "/assessments/1";
        json(
                        admin().header("If-Match", etag(path)),
                        Map.of(
                                "status",
                                "NOT_IMPLEMENTED",
                                "comment",
                                "Rien.",
                                "evidence",
                                List.of(
                                        Map.of("url", "https://www.example.fr/a"),
                                        Map.of("url", "https://www.example.fr/b"))))
                .put(path)
                .then()
                .statusCode(200);

        Response replaced = json(
                        admin().header("If-Match", etag(path)),
                        Map.of("status", "IMPLEMENTED", "evidence", List.of(Map.of("url", "https://www.example.fr/c"))))
                .put(path);
        replaced.then()
                .statusCode(200)
                .header("Location", nullValue())
                .body("status", equalTo("IMPLEMENTED"))
                .body("comment", nullValue())
                .body("evidence.url", contains("https://www.example.fr/c"));

        Response read = given().get(path);
        assertEquals(replaced.jsonPath().getMap("$"), read.jsonPath().getMap("$"));
        assertEquals(replaced.header("ETag"), read.header("ETag"));
        given().get("/api/v1/plans/" + plan + "/measures/1")
                .then()
                .body("status", equalTo("IMPLEMENTED"))
                .body("assessments[0].evidence.url", contains("https://www.example.fr/c"));
    }

    @Test
    void deletesAnAssessment() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        long evaluation = data.evaluation(plan, evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED", 2, "IMPLEMENTED"));
        String path = "/api/v1/evaluations/" + evaluation + "/assessments/2";

        as(data.key(evaluator).secret())
                .header("If-Match", etag(path))
                .delete(path)
                .then()
                .statusCode(204);

        assertProblem(given().get(path), 404, "Resource not found", path);
        given().get("/api/v1/evaluations/" + evaluation)
                .then()
                .body("assessmentCount", equalTo(1))
                .body("assessments.measure", contains(1));
        given().get("/api/v1/plans/" + plan + "/measures/2")
                .then()
                .body("status", equalTo("NOT_ASSESSED"))
                .body("assessments", empty());
    }
}
