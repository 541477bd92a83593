package org.planwatch.history;

import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;
import static org.planwatch.Api.read;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planwatch.Api;
import org.planwatch.TestData;

/**
 * Bodies that cannot be accepted: 400 for what Bean Validation or JSON reading rejects (with the
 * JSON path of every bad field), 409 for duplicates, 422 for what the data rules reject; and a
 * rejected request writes nothing.
 */
@QuarkusTest
class ValidationTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    /** What a plan shows through the API: compared before and after a rejected write. */
    private static List<Object> stateOf(String plan) {
        String base = "/api/v1/plans/" + plan;
        return List.of(
                read(base),
                read(base + "/axes"),
                read(base + "/measures?limit=200"),
                read(base + "/progress"),
                read(base + "/evaluations"),
                read(base + "/progress/history"));
    }

    private static List<String> fields(Response response) {
        return response.jsonPath().getList("errors.field");
    }

    // --- plans

    @Test
    void aPlanWithMissingOrOutOfRangeFieldsIsA400NamingEveryOne() {
        List<Object> plans = Api.all("/api/v1/plans").stream()
                .map(p -> (Object) p.get("slug"))
                .toList();

        assertProblem(json(admin(), Map.of()).post("/api/v1/plans"), 400, "Invalid request", "/api/v1/plans")
                .body("errors.field", equalTo(List.of("endYear", "source", "startYear", "title")))
                .body("errors.message", everyItem(not(blankOrNullString())));

        Map<String, Object> body = TestData.planBody(1899, 2201, " ");
        body.put("source", TestData.source("", "ftp://www.example.fr/plan"));
        assertProblem(json(admin(), body).post("/api/v1/plans"), 400, "Invalid request", "/api/v1/plans")
                .body("errors.field", equalTo(List.of("endYear", "source.title", "source.url", "startYear", "title")));

        assertEquals(
                plans,
                Api.all("/api/v1/plans").stream()
                        .map(p -> (Object) p.get("slug"))
                        .toList(),
                "no plan was created");
    }

    @Test
    void aPlanFieldOfTheWrongTypeIsAMalformedBody() {
        Map<String, Object> body = TestData.planBody(2150, 2151, "Plan");
        body.put("startYear", "deux mille");
        assertProblem(json(admin(), body).post("/api/v1/plans"), 400, "Malformed request body", "/api/v1/plans")
                .body("errors.field", equalTo(List.of("startYear")));

        body = TestData.planBody(2150, 2151, "Plan");
        body.put("presentedOn", "15/01/2150");
        assertProblem(json(admin(), body).post("/api/v1/plans"), 400, "Malformed request body", "/api/v1/plans")
                .body("errors.field", equalTo(List.of("presentedOn")));
    }

    // Fails as of this writing for the first four (JSON that does not parse): the answer is the generic
    // "Bad request" / "The request could not be read." rather than "Malformed request body".
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"{\"startYear\": 2150, ", "{\"startYear\": 2150,}", "{bad", "pas du JSON", "[1, 2]", "\"plan\""})
    void aBodyThatIsNotAJsonObjectIsAMalformedBody(String body) {
        List<Object> plans = Api.all("/api/v1/plans").stream()
                .map(p -> (Object) p.get("slug"))
                .toList();

        assertProblem(
                admin().contentType(ContentType.JSON).body(body).post("/api/v1/plans"),
                400,
                "Malformed request body",
                "/api/v1/plans");

        assertEquals(
                plans,
                Api.all("/api/v1/plans").stream()
                        .map(p -> (Object) p.get("slug"))
                        .toList());
    }

    @Test
    void aMissingBodyIsA400() {
        assertProblem(
                        admin().contentType(ContentType.JSON).post("/api/v1/evaluators"),
                        400,
                        "Invalid request",
                        "/api/v1/evaluators")
                .body("errors.field", equalTo(List.of("body")));
    }

    @Test
    void aPlanEndingBeforeItStartsIsA422() {
        Map<String, Object> body = TestData.planBody(2160, 2159, "Plan à l'envers");
        assertProblem(json(admin(), body).post("/api/v1/plans"), 422, "Unprocessable content", "/api/v1/plans")
                .body("errors.field", equalTo(List.of("endYear")));
        assertProblem(Api.admin().get("/api/v1/plans/2160-2159"), 404, "Resource not found", "/api/v1/plans/2160-2159");
    }

    @Test
    void aSecondPlanForTheSamePeriodIsA409AndLeavesTheFirstAsItWas() {
        String plan = data.plan();
        int start = Integer.parseInt(plan.substring(0, 4));
        int end = Integer.parseInt(plan.substring(5));
        List<Object> before = stateOf(plan);

        assertProblem(
                        json(admin(), TestData.planBody(start, end, "Doublon")).post("/api/v1/plans"),
                        409,
                        "Conflict",
                        "/api/v1/plans")
                .body("detail", containsString(plan));

        assertEquals(before, stateOf(plan));
    }

    @Test
    void aPlansPeriodCannotChange() {
        String plan = data.plan();
        int start = Integer.parseInt(plan.substring(0, 4));
        List<Object> before = stateOf(plan);

        Response response = json(
                        admin().header("If-Match", etag("/api/v1/plans/" + plan)),
                        TestData.planBody(start - 1, start + 10, "Autre période"))
                .put("/api/v1/plans/" + plan);

        assertProblem(response, 422, "Unprocessable content", "/api/v1/plans/" + plan)
                .body("errors.field", equalTo(List.of("startYear", "endYear")));
        assertEquals(before, stateOf(plan));
    }

    @Test
    void aPlanUpdateWithInvalidFieldsIsA400() {
        String plan = data.plan();
        List<Object> before = stateOf(plan);
        Map<String, Object> body = new HashMap<>(TestData.planBody(2150, 2151, ""));
        body.remove("source");

        assertProblem(
                        json(admin().header("If-Match", etag("/api/v1/plans/" + plan)), body)
                                .put("/api/v1/plans/" + plan),
                        400,
                        "Invalid request",
                        "/api/v1/plans/" + plan)
                .body("errors.field", equalTo(List.of("source", "title")));
        assertEquals(before, stateOf(plan));
    }

    // --- axes

    @Test
    void anAxisWithAnOutOfRangeNumberOrBlankTitleIsA400() {
        String plan = data.plan();
        String axes = "/api/v1/plans/" + plan + "/axes";
        List<Object> before = stateOf(plan);

        assertProblem(json(admin(), Map.of("number", 0, "title", " ")).post(axes), 400, "Invalid request", axes)
                .body("errors.field", equalTo(List.of("number", "title")));
        assertProblem(json(admin(), Map.of("number", 100, "title", "Axe")).post(axes), 400, "Invalid request", axes)
                .body("errors.field", equalTo(List.of("number")));
        assertProblem(json(admin(), Map.of("title", "Axe")).post(axes), 400, "Invalid request", axes)
                .body("errors.field", equalTo(List.of("number")));
        assertProblem(
                        json(admin(), Map.of("number", "un", "title", "Axe")).post(axes),
                        400,
                        "Malformed request body",
                        axes)
                .body("errors.field", equalTo(List.of("number")));

        assertEquals(before, stateOf(plan));
    }

    @Test
    void aSecondAxisWithTheSameNumberIsA409() {
        String plan = data.planWithMeasures(1);
        String axes = "/api/v1/plans/" + plan + "/axes";
        List<Object> before = stateOf(plan);

        assertProblem(json(admin(), Map.of("number", 1, "title", "Doublon")).post(axes), 409, "Conflict", axes);

        assertEquals(before, stateOf(plan));
    }

    @Test
    void anAxisNumberCannotChange() {
        String plan = data.planWithMeasures(1);
        String path = "/api/v1/plans/" + plan + "/axes/1";
        List<Object> before = stateOf(plan);

        assertProblem(
                        json(admin().header("If-Match", etag(path)), Map.of("number", 3, "title", "Renuméroté"))
                                .put(path),
                        422,
                        "Unprocessable content",
                        path)
                .body("errors.field", equalTo(List.of("number")));

        assertEquals(before, stateOf(plan));
    }

    @Test
    void anAxisOfAPlanThatDoesNotExistIsA404() {
        assertProblem(
                json(admin(), Map.of("number", 1, "title", "Axe")).post("/api/v1/plans/1900-1900/axes"),
                404,
                "Resource not found",
                "/api/v1/plans/1900-1900/axes");
    }

    // --- measures

    @Test
    void aMeasureWithInvalidFieldsIsA400() {
        String plan = data.planWithMeasures(1);
        String measures = "/api/v1/plans/" + plan + "/measures";
        List<Object> before = stateOf(plan);

        assertProblem(
                        json(admin(), Map.of("number", 1000, "axis", 0, "title", ""))
                                .post(measures),
                        400,
                        "Invalid request",
                        measures)
                .body("errors.field", equalTo(List.of("axis", "number", "title")));
        assertProblem(json(admin(), Map.of("title", "Mesure")).post(measures), 400, "Invalid request", measures)
                .body("errors.field", equalTo(List.of("axis", "number")));

        assertEquals(before, stateOf(plan));
    }

    @Test
    void aMeasureOnAnAxisThePlanDoesNotHaveIsA422() {
        String plan = data.planWithMeasures(1);
        String measures = "/api/v1/plans/" + plan + "/measures";
        List<Object> before = stateOf(plan);

        assertProblem(
                        json(admin(), Map.of("number", 2, "axis", 9, "title", "Mesure"))
                                .post(measures),
                        422,
                        "Unprocessable content",
                        measures)
                .body("errors.field", equalTo(List.of("axis")));
        String path = measures + "/1";
        assertProblem(
                        json(admin().header("If-Match", etag(path)), Map.of("number", 1, "axis", 9, "title", "Mesure"))
                                .put(path),
                        422,
                        "Unprocessable content",
                        path)
                .body("errors.field", equalTo(List.of("axis")));

        assertEquals(before, stateOf(plan));
    }

    @Test
    void aSecondMeasureWithTheSameNumberIsA409AndItsNumberCannotChange() {
        String plan = data.planWithMeasures(2);
        String measures = "/api/v1/plans/" + plan + "/measures";
        List<Object> before = stateOf(plan);

        assertProblem(
                json(admin(), Map.of("number", 2, "axis", 2, "title", "Doublon"))
                        .post(measures),
                409,
                "Conflict",
                measures);
        String path = measures + "/1";
        assertProblem(
                        json(
                                        admin().header("If-Match", etag(path)),
                                        Map.of("number", 3, "axis", 1, "title", "Mesure 1"))
                                .put(path),
                        422,
                        "Unprocessable content",
                        path)
                .body("errors.field", equalTo(List.of("number")));

        assertEquals(before, stateOf(plan));
    }

    // --- evaluators

    @Test
    void anEvaluatorWithInvalidFieldsIsA400() {
        List<Object> evaluators = Api.all("/api/v1/evaluators").stream()
                .map(e -> (Object) e.get("slug"))
                .toList();
        Map<String, Object> body = TestData.evaluatorBody("Pas Un Slug", " ", "CIVIL_SOCIETY");
        body.put("website", "www.example.fr");

        assertProblem(json(admin(), body).post("/api/v1/evaluators"), 400, "Invalid request", "/api/v1/evaluators")
                .body("errors.field", equalTo(List.of("name", "slug", "website")));
        assertProblem(
                        json(admin(), Map.of("slug", "sans-type", "name", "Sans type", "shortName", "ST"))
                                .post("/api/v1/evaluators"),
                        400,
                        "Invalid request",
                        "/api/v1/evaluators")
                .body("errors.field", equalTo(List.of("kind")));
        assertProblem(
                        json(admin(), TestData.evaluatorBody("type-inconnu", "Type inconnu", "ALIEN"))
                                .post("/api/v1/evaluators"),
                        400,
                        "Malformed request body",
                        "/api/v1/evaluators")
                .body("errors.field", equalTo(List.of("kind")));

        assertEquals(
                evaluators,
                Api.all("/api/v1/evaluators").stream()
                        .map(e -> (Object) e.get("slug"))
                        .toList());
    }

    @Test
    void aSecondEvaluatorWithTheSameSlugIsA409AndASlugCannotChange() {
        String slug = data.evaluator();
        String path = "/api/v1/evaluators/" + slug;
        Object before = read(path);

        assertProblem(
                json(admin(), TestData.evaluatorBody(slug, "Doublon", "GOVERNMENT"))
                        .post("/api/v1/evaluators"),
                409,
                "Conflict",
                "/api/v1/evaluators");
        assertProblem(
                        json(
                                        admin().header("If-Match", etag(path)),
                                        TestData.evaluatorBody(slug + "-bis", "Renommé", "GOVERNMENT"))
                                .put(path),
                        422,
                        "Unprocessable content",
                        path)
                .body("errors.field", equalTo(List.of("slug")));

        assertEquals(before, read(path));
    }

    // --- API keys

    @Test
    void anApiKeyThatCannotBeCreatedIsRefusedAndNoKeyIsCreated() {
        String evaluator = data.evaluator();
        int keys = Api.all(admin(), "/api/v1/api-keys").size();

        assertProblem(
                        json(admin(), Map.of("name", " ")).post("/api/v1/api-keys"),
                        400,
                        "Invalid request",
                        "/api/v1/api-keys")
                .body("errors.field", equalTo(List.of("name", "role")));
        assertProblem(
                        json(admin(), Map.of("name", "x".repeat(101), "role", "ADMIN"))
                                .post("/api/v1/api-keys"),
                        400,
                        "Invalid request",
                        "/api/v1/api-keys")
                .body("errors.field", equalTo(List.of("name")));
        assertProblem(
                        json(admin(), Map.of("name", "clé", "role", "ROOT")).post("/api/v1/api-keys"),
                        400,
                        "Malformed request body",
                        "/api/v1/api-keys")
                .body("errors.field", equalTo(List.of("role")));
        assertProblem(
                        json(admin(), Map.of("name", "clé", "role", "EVALUATOR"))
                                .post("/api/v1/api-keys"),
                        422,
                        "Unprocessable content",
                        "/api/v1/api-keys")
                .body("errors.field", equalTo(List.of("evaluator")));
        assertProblem(
                        json(admin(), Map.of("name", "clé", "role", "EVALUATOR", "evaluator", "personne"))
                                .post("/api/v1/api-keys"),
                        422,
                        "Unprocessable content",
                        "/api/v1/api-keys")
                .body("errors.field", equalTo(List.of("evaluator")));
        assertProblem(
                        json(admin(), Map.of("name", "clé", "role", "ADMIN", "evaluator", evaluator))
                                .post("/api/v1/api-keys"),
                        422,
                        "Unprocessable content",
                        "/api/v1/api-keys")
                .body("errors.field", equalTo(List.of("evaluator")));

        assertEquals(keys, Api.all(admin(), "/api/v1/api-keys").size(), "no key was created");
    }

    // --- evaluations

    @Test
    void anEvaluationWithInvalidFieldsIsA400WithTheJsonPathOfEachAndNothingIsRecorded() {
        String plan = data.planWithMeasures(3);
        String evaluator = data.evaluator();
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        List<Object> before = stateOf(plan);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluator", evaluator);
        body.put("title", "");
        body.put("source", TestData.source("Rapport", "not a url"));
        body.put(
                "assessments",
                List.of(
                        Map.of(
                                "measure",
                                1,
                                "status",
                                "IMPLEMENTED",
                                "evidence",
                                List.of(
                                        Map.of("url", "https://www.example.fr/ok"),
                                        Map.of("url", "file:///etc/passwd"))),
                        Map.of("measure", 0, "status", "IMPLEMENTED"),
                        Map.of("measure", 2, "comment", "c".repeat(10001))));

        assertProblem(json(admin(), body).post(evaluations), 400, "Invalid request", evaluations)
                .body(
                        "errors.field",
                        equalTo(List.of(
                                "assessments[0].evidence[1].url",
                                "assessments[1].measure",
                                "assessments[2].comment",
                                "assessments[2].status",
                                "date",
                                "source.url",
                                "title")));

        assertEquals(before, stateOf(plan));
    }

    @Test
    void anEvaluationValueOfTheWrongTypeIsAMalformedBodyNamingIt() {
        String plan = data.planWithMeasures(2);
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        List<Object> before = stateOf(plan);

        Map<String, Object> badDate = TestData.evaluationBody(data.evaluator(), "2150-13-45", Map.of(1, "IMPLEMENTED"));
        assertProblem(json(admin(), badDate).post(evaluations), 400, "Malformed request body", evaluations)
                .body("errors.field", equalTo(List.of("date")));
        Map<String, Object> badStatus = TestData.evaluationBody(data.evaluator(), "2150-01-01", Map.of());
        badStatus.put(
                "assessments",
                List.of(Map.of("measure", 1, "status", "IMPLEMENTED"), Map.of("measure", 2, "status", "DONE")));
        assertProblem(json(admin(), badStatus).post(evaluations), 400, "Malformed request body", evaluations)
                .body("errors.field", equalTo(List.of("assessments[1].status")));

        assertEquals(before, stateOf(plan));
    }

    @Test
    void anEvaluationByAnUnknownEvaluatorIsA422() {
        String plan = data.planWithMeasures(1);
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        List<Object> before = stateOf(plan);

        assertProblem(
                        json(admin(), TestData.evaluationBody("personne", "2150-01-01", Map.of(1, "IMPLEMENTED")))
                                .post(evaluations),
                        422,
                        "Unprocessable content",
                        evaluations)
                .body("errors.field", equalTo(List.of("evaluator")));

        assertEquals(before, stateOf(plan));
    }

    @Test
    void anEvaluationUpdateWithInvalidFieldsIsA400AndChangesNothing() {
        String plan = data.planWithMeasures(1);
        long id = data.evaluation(plan, data.evaluator(), "2150-01-01", Map.of(1, "IMPLEMENTED"));
        String path = "/api/v1/evaluations/" + id;
        List<Object> before = stateOf(plan);

        assertProblem(
                        json(admin().header("If-Match", etag(path)), Map.of("summary", "Résumé"))
                                .put(path),
                        400,
                        "Invalid request",
                        path)
                .body("errors.field", equalTo(List.of("date", "source", "title")));
        assertProblem(
                        json(
                                        admin().header("If-Match", etag(path)),
                                        Map.of(
                                                "title",
                                                "Titre",
                                                "date",
                                                "2150-01-01",
                                                "source",
                                                TestData.source("Source", "https://www.example.fr"),
                                                "summary",
                                                "s".repeat(20001)))
                                .put(path),
                        400,
                        "Invalid request",
                        path)
                .body("errors.field", equalTo(List.of("summary")));

        assertEquals(before, stateOf(plan));
    }

    // --- assessments

    @Test
    void anAssessmentThatCannotBeAcceptedIsRefusedAndChangesNothing() {
        String plan = data.planWithMeasures(2);
        long id = data.evaluation(plan, data.evaluator(), "2150-01-01", Map.of(1, "IMPLEMENTED"));
        String existing = "/api/v1/evaluations/" + id + "/assessments/1";
        String missing = "/api/v1/evaluations/" + id + "/assessments/2";
        List<Object> before = stateOf(plan);

        assertProblem(json(admin(), Map.of("comment", "sans statut")).put(missing), 400, "Invalid request", missing)
                .body("errors.field", equalTo(List.of("status")));
        assertProblem(
                        json(
                                        admin(),
                                        Map.of(
                                                "status",
                                                "IMPLEMENTED",
                                                "evidence",
                                                List.of(Map.of("title", "sans adresse"))))
                                .put(missing),
                        400,
                        "Invalid request",
                        missing)
                .body("errors.field", equalTo(List.of("evidence[0].url")));
        assertProblem(
                        json(admin(), Map.of("status", "NOT_ASSESSED")).put(missing),
                        422,
                        "Unprocessable content",
                        missing)
                .body("errors.field", equalTo(List.of("status")));
        assertProblem(
                        json(admin().header("If-Match", etag(existing)), Map.of("status", "NOT_ASSESSED"))
                                .put(existing),
                        422,
                        "Unprocessable content",
                        existing)
                .body("errors.field", equalTo(List.of("status")));
        assertProblem(
                json(admin(), Map.of("status", "IMPLEMENTED")).put("/api/v1/evaluations/" + id + "/assessments/9"),
                404,
                "Resource not found",
                "/api/v1/evaluations/" + id + "/assessments/9");

        assertEquals(before, stateOf(plan));
    }
}
