package org.planwatch.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.csv;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;
import static org.planwatch.Api.read;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.Api;
import org.planwatch.TestData;

/**
 * A write body holds what the contract defines and nothing else: a property it does not define is a 400 naming every
 * such property by its JSON path (it used to be dropped unseen), and an enum is one of its names, never a number.
 * The contract says so: every request schema has additionalProperties: false, the answers' schemas stay open.
 */
@QuarkusTest
class StrictBodyTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private static List<Object> plans() {
        return Api.all("/api/v1/plans").stream()
                .map(p -> (Object) p.get("slug"))
                .toList();
    }

    @Test
    void aPlanWithAMeasurePropertyItDoesNotDefineIsRefusedNotCreatedWithoutIt() {
        List<Object> plans = plans();
        int start = data.freeStartYear(3);
        Map<String, Object> body = TestData.planBody(start, start + 3, "Plan à l'échéance inconnue");
        body.put(
                "axes",
                List.of(Map.of(
                        "number",
                        1,
                        "title",
                        "Axe 1",
                        "measures",
                        List.of(Map.of("number", 1, "title", "Mesure 1", "echeance", "2031")))));

        assertProblem(json(admin(), body).post("/api/v1/plans"), 400, "Malformed request body", "/api/v1/plans")
                .body("errors.field", equalTo(List.of("axes[0].measures[0].echeance")))
                .body("errors.message", everyItem(equalTo("is not a property of this request body")))
                .body("detail", containsString("'axes[0].measures[0].echeance'"));

        assertEquals(plans, plans(), "no plan was created");
    }

    @Test
    void everyUnknownPropertyIsNamedByItsJsonPathNestedOnesToo() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        List<Object> before =
                List.of(read("/api/v1/plans/" + plan + "/evaluations"), read("/api/v1/plans/" + plan + "/measures"));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("author", "quelqu'un"));
        body.putAll(TestData.evaluationBody(evaluator, "2150-03-01", Map.of()));
        Map<String, Object> source = TestData.source("Rapport", "https://www.example.fr/rapport");
        source.put("page", 12);
        body.put("source", source);
        List<Map<String, Object>> assessments = new ArrayList<>();
        assessments.add(Map.of("measure", 1, "status", "IMPLEMENTED"));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("measure", 2);
        second.put("status", "NOT_IMPLEMENTED");
        second.put("score", Map.of("value", 3));
        second.put("evidence", List.of(Map.of("url", "https://www.example.fr/preuve", "date", "2150-01-01")));
        assessments.add(second);
        body.put("assessments", assessments);

        String path = "/api/v1/plans/" + plan + "/evaluations";
        assertProblem(json(admin(), body).post(path), 400, "Malformed request body", path)
                .body(
                        "errors.field",
                        equalTo(List.of(
                                "assessments[1].evidence[0].date", "assessments[1].score", "author", "source.page")));

        assertEquals(
                before,
                List.of(read("/api/v1/plans/" + plan + "/evaluations"), read("/api/v1/plans/" + plan + "/measures")));
    }

    @Test
    void anUpdateWithAPropertyOfTheAnswerIsRefusedAndChangesNothing() {
        String evaluator = data.evaluator();
        String path = "/api/v1/evaluators/" + evaluator;
        Map<String, Object> body = TestData.evaluatorBody(evaluator, "Renommé", "GOVERNMENT");
        body.put("kindLabel", "Gouvernement"); // in the answer, not in the request
        Object before = read(path);

        assertProblem(json(admin().header("If-Match", etag(path)), body).put(path), 400, "Malformed request body", path)
                .body("errors.field", equalTo(List.of("kindLabel")));

        assertEquals(before, read(path));
    }

    @Test
    void anEnumSentAsANumberIsAMalformedBody() {
        List<Object> evaluators = Api.all("/api/v1/evaluators").stream()
                .map(e -> (Object) e.get("slug"))
                .toList();
        Map<String, Object> evaluator = TestData.evaluatorBody("kind-en-nombre", "Type en nombre", "CIVIL_SOCIETY");
        evaluator.put("kind", 1);
        assertProblem(
                        json(admin(), evaluator).post("/api/v1/evaluators"),
                        400,
                        "Malformed request body",
                        "/api/v1/evaluators")
                .body("errors.field", equalTo(List.of("kind")));
        assertEquals(
                evaluators,
                Api.all("/api/v1/evaluators").stream()
                        .map(e -> (Object) e.get("slug"))
                        .toList());

        assertProblem(
                        json(admin(), Map.of("name", "clé", "role", 0)).post("/api/v1/api-keys"),
                        400,
                        "Malformed request body",
                        "/api/v1/api-keys")
                .body("errors.field", equalTo(List.of("role")));

        String plan = data.planWithMeasures(1);
        long evaluation = data.evaluation(plan, data.evaluator(), "2150-03-01", Map.of(1, "IMPLEMENTED"));
        String assessment = "/api/v1/evaluations/" + evaluation + "/assessments/1";
        Object before = read(assessment);
        assertProblem(
                        json(admin().header("If-Match", etag(assessment)), Map.of("status", 1))
                                .put(assessment),
                        400,
                        "Malformed request body",
                        assessment)
                .body("errors.field", equalTo(List.of("status")));
        assertEquals(before, read(assessment));
    }

    @Test
    void theWritesThatFollowTheContractStillWorkJsonAndCsv() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        Map<String, Object> body = TestData.evaluationBody(evaluator, "2150-03-01", Map.of(1, "IMPLEMENTED"));
        body.put("summary", "Résumé");
        json(admin(), body)
                .post("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .statusCode(201);

        // A CSV import is not JSON: its columns are its own matter (ImportTest), untouched by the strict JSON reading.
        csv(admin(), "measure;status;comment\n2;PARTIALLY_IMPLEMENTED;En cours\n")
                .queryParam("evaluator", evaluator)
                .queryParam("date", "2150-06-01")
                .queryParam("title", "Import")
                .queryParam("sourceTitle", "Rapport")
                .queryParam("sourceUrl", "https://www.example.fr/import")
                .post("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .statusCode(201)
                .body("assessments.measure", equalTo(List.of(2)));

        given().get("/api/v1/plans/" + plan + "/measures/2")
                .then()
                .statusCode(200)
                .body("status", equalTo("PARTIALLY_IMPLEMENTED"));
    }

    @Test
    void theContractClosesRequestSchemasAndLeavesAnswersOpen() {
        Map<String, Object> schemas = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("components.schemas");
        for (String request : List.of(
                "PlanInput",
                "AxisInput",
                "MeasureInput",
                "EvaluatorInput",
                "NewEvaluation",
                "NewAssessment",
                "EvaluationUpdate",
                "AssessmentInput",
                "NewApiKey",
                "SourceInput",
                "EvidenceInput")) {
            assertEquals(false, ((Map<?, ?>) schemas.get(request)).get("additionalProperties"), request);
        }
        for (String answer :
                List.of("Plan", "Source", "Evidence", "Evaluation", "EvaluationDetail", "Measure", "Problem")) {
            assertEquals(null, ((Map<?, ?>) schemas.get(answer)).get("additionalProperties"), answer);
        }
    }
}
