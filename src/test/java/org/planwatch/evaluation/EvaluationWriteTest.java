package org.planwatch.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.as;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.TestData;

@QuarkusTest
class EvaluationWriteTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private static Map<String, Object> evaluationWithEvidence(String evaluator) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluator", evaluator);
        body.put("title", "Évaluation de suivi du plan");
        body.put("date", "2150-03-01");
        body.put("source", TestData.source("Avis adopté en assemblée plénière", "https://www.example.fr/avis"));
        body.put("summary", "Deux mesures ont progressé.");
        body.put(
                "assessments",
                List.of(
                        Map.of("measure", 2, "status", "IMPLEMENTED"),
                        Map.of(
                                "measure",
                                1,
                                "status",
                                "PARTIALLY_IMPLEMENTED",
                                "comment",
                                "Un mécanisme a été annoncé.",
                                "evidence",
                                List.of(
                                        Map.of(
                                                "url",
                                                "https://www.example.fr/annonce",
                                                "title",
                                                "Texte annonçant le mécanisme"),
                                        Map.of(
                                                "url",
                                                "https://www.example.fr/decret",
                                                "archivedUrl",
                                                "https://web.archive.example/decret")))));
        return body;
    }

    @Test
    void recordsAnEvaluationWithItsAssessmentsAndEvidence() {
        String plan = data.planWithMeasures(3);
        String evaluator = data.evaluator();

        Response created =
                json(admin(), evaluationWithEvidence(evaluator)).post("/api/v1/plans/" + plan + "/evaluations");
        created.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("ETag", notNullValue())
                .body("id", notNullValue())
                .body("plan", equalTo(plan))
                .body("evaluator.slug", equalTo(evaluator))
                .body("title", equalTo("Évaluation de suivi du plan"))
                .body("date", equalTo("2150-03-01"))
                .body("source.title", equalTo("Avis adopté en assemblée plénière"))
                .body("source.url", equalTo("https://www.example.fr/avis"))
                .body("summary", equalTo("Deux mesures ont progressé."))
                .body("assessmentCount", equalTo(2))
                .body("assessments.measure", contains(1, 2))
                .body("assessments.status", contains("PARTIALLY_IMPLEMENTED", "IMPLEMENTED"))
                .body("assessments.statusLabel", contains("Partiellement réalisée", "Réalisée"))
                .body("assessments[0].comment", equalTo("Un mécanisme a été annoncé."))
                .body(
                        "assessments[0].evidence.url",
                        contains("https://www.example.fr/annonce", "https://www.example.fr/decret"))
                .body("assessments[0].evidence[0].title", equalTo("Texte annonçant le mécanisme"))
                .body("assessments[0].evidence[1].archivedUrl", equalTo("https://web.archive.example/decret"))
                // what was not given is sent, as null
                .body("assessments[0].evidence[0]", hasEntry(equalTo("archivedUrl"), nullValue()))
                .body("assessments[0].evidence[1]", hasEntry(equalTo("title"), nullValue()))
                .body("assessments[1].evidence", empty());
        long id = created.jsonPath().getLong("id");
        String path = "/api/v1/evaluations/" + id;
        created.then().header("Location", endsWith(path));

        Response read = given().get(path);
        read.then().statusCode(200);
        assertEquals(
                created.jsonPath().getMap("$"), read.jsonPath().getMap("$"), "GET shows the evaluation as created");
        assertEquals(created.header("ETag"), read.header("ETag"));

        given().get("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .body("items.id", contains((int) id))
                .body("items[0].assessmentCount", equalTo(2));
        given().get("/api/v1/plans/" + plan + "/measures/1")
                .then()
                .body("status", equalTo("PARTIALLY_IMPLEMENTED"))
                .body("statusSource.evaluationId", equalTo((int) id))
                .body("assessments", hasSize(1))
                .body("assessments[0].evaluation.id", equalTo((int) id))
                .body("assessments[0].comment", equalTo("Un mécanisme a été annoncé."))
                .body(
                        "assessments[0].evidence.url",
                        contains("https://www.example.fr/annonce", "https://www.example.fr/decret"));
        given().get(path + "/assessments/1")
                .then()
                .statusCode(200)
                .body("evaluation.id", equalTo((int) id))
                .body("measure", equalTo(1))
                .body("status", equalTo("PARTIALLY_IMPLEMENTED"))
                .body("evidence[1].archivedUrl", equalTo("https://web.archive.example/decret"));
        given().get("/api/v1/plans/" + plan + "/measures/3").then().body("status", equalTo("NOT_ASSESSED"));
    }

    @Test
    void anEvaluatorKeyRecordsItsOwnEvaluatorsEvaluations() {
        String plan = data.planWithMeasures(3);
        String evaluator = data.evaluator();
        TestData.Key key = data.key(evaluator);

        long id = json(as(key.secret()), TestData.evaluationBody(evaluator, "2150-05-05", Map.of(3, "NOT_IMPLEMENTED")))
                .post("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .statusCode(201)
                .body("evaluator.slug", equalTo(evaluator))
                .extract()
                .jsonPath()
                .getLong("id");

        given().get("/api/v1/plans/" + plan + "/measures/3").then().body("statusSource.evaluationId", equalTo((int)
                id));
    }

    @Test
    void anEvaluationWithoutAssessmentsCanBeRecordedAndCompletedLater() {
        String plan = data.planWithMeasures(1);
        Map<String, Object> body = TestData.evaluationBody(data.evaluator(), "2150-01-01", Map.of());
        body.remove("assessments");

        json(admin(), body)
                .post("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .statusCode(201)
                .body("assessmentCount", equalTo(0))
                .body("assessments", empty())
                .body("summary", nullValue());
    }

    @Test
    void updatesAnEvaluationsMetadataAndKeepsItsAssessments() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        long id = data.evaluation(plan, evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED", 2, "NOT_IMPLEMENTED"));
        String path = "/api/v1/evaluations/" + id;
        String before = etag(path);
        Map<String, Object> update = Map.of(
                "title",
                "Titre corrigé",
                "date",
                "2150-02-02",
                "source",
                TestData.source("Source corrigée", "https://www.example.fr/corrigee"),
                "summary",
                "Résumé ajouté.");

        Response updated = json(as(data.key(evaluator).secret()).header("If-Match", before), update)
                .put(path);
        updated.then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("title", equalTo("Titre corrigé"))
                .body("date", equalTo("2150-02-02"))
                .body("source.url", equalTo("https://www.example.fr/corrigee"))
                .body("summary", equalTo("Résumé ajouté."))
                .body("assessments.measure", contains(1, 2))
                .body("assessments.status", contains("IMPLEMENTED", "NOT_IMPLEMENTED"));

        Response read = given().get(path);
        assertEquals(updated.jsonPath().getMap("$"), read.jsonPath().getMap("$"));
        assertEquals(updated.header("ETag"), read.header("ETag"));
        assertNotEquals(before, read.header("ETag"));
        given().get("/api/v1/plans/" + plan + "/measures/1").then().body("statusSource.date", equalTo("2150-02-02"));
    }

    @Test
    void deletesAnEvaluationWithItsAssessments() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        long id = data.evaluation(plan, evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED", 2, "NOT_IMPLEMENTED"));
        String path = "/api/v1/evaluations/" + id;

        as(data.key(evaluator).secret())
                .header("If-Match", etag(path))
                .delete(path)
                .then()
                .statusCode(204);

        assertProblem(given().get(path), 404, "Resource not found", path);
        assertProblem(given().get(path + "/assessments/1"), 404, "Resource not found", path + "/assessments/1");
        given().get("/api/v1/plans/" + plan + "/evaluations").then().body("items", empty());
        given().get("/api/v1/plans/" + plan + "/measures")
                .then()
                .body("items.status", contains("NOT_ASSESSED", "NOT_ASSESSED"))
                .body("items.statusSource", contains(nullValue(), nullValue()));
        given().get("/api/v1/plans/" + plan + "/measures/1").then().body("assessments", empty());
    }

    @Test
    void deletingTheLatestEvaluationGivesMeasuresBackTheirPreviousStatus() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        long older = data.evaluation(plan, evaluator, "2150-01-01", Map.of(1, "NOT_IMPLEMENTED", 2, "NOT_IMPLEMENTED"));
        long newer = data.evaluation(plan, evaluator, "2151-01-01", Map.of(1, "IMPLEMENTED"));
        given().get("/api/v1/plans/" + plan + "/measures/1").then().body("status", equalTo("IMPLEMENTED"));

        admin().header("If-Match", etag("/api/v1/evaluations/" + newer))
                .delete("/api/v1/evaluations/" + newer)
                .then()
                .statusCode(204);

        given().get("/api/v1/plans/" + plan + "/measures/1")
                .then()
                .body("status", equalTo("NOT_IMPLEMENTED"))
                .body("statusSource.evaluationId", equalTo((int) older));
    }
}
