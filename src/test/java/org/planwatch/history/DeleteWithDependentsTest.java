package org.planwatch.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.as;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;
import static org.planwatch.Api.read;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.TestData;

/**
 * Deleting something others depend on: a 409 that says what depends on it and changes nothing;
 * with cascade=true, a 204 and the dependents are gone too.
 */
@QuarkusTest
class DeleteWithDependentsTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private static List<Object> stateOf(String plan) {
        String base = "/api/v1/plans/" + plan;
        return List.of(
                read(base), read(base + "/axes"), read(base + "/measures?limit=200"), read(base + "/evaluations"));
    }

    @Test
    void aPlanWithAxesAndMeasuresIsOnlyDeletedWithCascade() {
        String plan = data.planWithMeasures(2);
        String path = "/api/v1/plans/" + plan;
        List<Object> before = stateOf(plan);

        assertProblem(admin().header("If-Match", etag(path)).delete(path), 409, "Conflict", path)
                .body(
                        "detail",
                        allOf(containsString("2 axes"), containsString("2 measures"), containsString("cascade=true")));
        assertEquals(before, stateOf(plan));

        admin().header("If-Match", etag(path))
                .queryParam("cascade", true)
                .delete(path)
                .then()
                .statusCode(204);
        assertProblem(given().get(path), 404, "Resource not found", path);
        assertProblem(given().get(path + "/measures/1"), 404, "Resource not found", path + "/measures/1");
    }

    // Fails as of this writing: the cascading delete answers 500 when the plan has evaluations
    // (Hibernate: "Evaluation references an unsaved transient instance of Plan"), and nothing is deleted.
    @Test
    void aPlanWithEvaluationsIsDeletedWithThemWithCascade() {
        String plan = data.planWithMeasures(2);
        long evaluation = data.evaluation(plan, data.evaluator(), "2150-01-01", Map.of(1, "IMPLEMENTED"));
        String path = "/api/v1/plans/" + plan;
        List<Object> before = stateOf(plan);

        assertProblem(admin().header("If-Match", etag(path)).delete(path), 409, "Conflict", path)
                .body("detail", containsString("1 evaluations"));
        assertEquals(before, stateOf(plan));

        admin().header("If-Match", etag(path))
                .queryParam("cascade", true)
                .delete(path)
                .then()
                .statusCode(204);
        assertProblem(given().get(path), 404, "Resource not found", path);
        assertProblem(
                given().get("/api/v1/evaluations/" + evaluation),
                404,
                "Resource not found",
                "/api/v1/evaluations/" + evaluation);
    }

    @Test
    void anAxisWithMeasuresIsOnlyDeletedWithCascadeWhichTakesTheirAssessments() {
        String plan = data.planWithMeasures(2);
        data.measure(plan, 3, 2);
        long evaluation =
                data.evaluation(plan, data.evaluator(), "2150-01-01", Map.of(1, "IMPLEMENTED", 3, "NOT_IMPLEMENTED"));
        String path = "/api/v1/plans/" + plan + "/axes/1";
        List<Object> before = stateOf(plan);

        assertProblem(admin().header("If-Match", etag(path)).delete(path), 409, "Conflict", path)
                .body("detail", allOf(containsString("2 measures"), containsString("cascade=true")));
        assertEquals(before, stateOf(plan));

        admin().header("If-Match", etag(path))
                .queryParam("cascade", true)
                .delete(path)
                .then()
                .statusCode(204);
        assertProblem(given().get(path), 404, "Resource not found", path);
        given().get("/api/v1/plans/" + plan + "/measures").then().body("items.number", contains(3));
        given().get("/api/v1/evaluations/" + evaluation)
                .then()
                .statusCode(200)
                .body("assessmentCount", equalTo(1))
                .body("assessments.measure", contains(3));
    }

    // Fails as of this writing: the cascading delete answers 500 (Hibernate: "Assessment references an
    // unsaved transient instance of Measure"), and nothing is deleted.
    @Test
    void aMeasureWithAssessmentsIsOnlyDeletedWithCascadeAndThe409NamesTheEvaluations() {
        String plan = data.planWithMeasures(2);
        long first = data.evaluation(plan, data.evaluator(), "2150-01-01", Map.of(1, "IMPLEMENTED", 2, "IMPLEMENTED"));
        long second = data.evaluation(plan, data.evaluator(), "2150-02-01", Map.of(1, "NOT_IMPLEMENTED"));
        String path = "/api/v1/plans/" + plan + "/measures/1";
        List<Object> before = stateOf(plan);

        assertProblem(admin().header("If-Match", etag(path)).delete(path), 409, "Conflict", path)
                .body(
                        "detail",
                        allOf(
                                containsString("2 assessment"),
                                containsString(Long.toString(first)),
                                containsString(Long.toString(second)),
                                containsString("cascade=true")));
        assertEquals(before, stateOf(plan));

        admin().header("If-Match", etag(path))
                .queryParam("cascade", true)
                .delete(path)
                .then()
                .statusCode(204);
        assertProblem(given().get(path), 404, "Resource not found", path);
        given().get("/api/v1/evaluations/" + first).then().body("assessments.measure", contains(2));
        given().get("/api/v1/evaluations/" + second).then().body("assessmentCount", equalTo(0));
    }

    @Test
    void anEvaluatorWithEvaluationsOrKeysIsOnlyDeletedWithCascadeWhichTakesThemToo() {
        String plan = data.planWithMeasures(1);
        String keeper = data.evaluator();
        String leaving = data.evaluator();
        long kept = data.evaluation(plan, keeper, "2150-01-01", Map.of(1, "NOT_IMPLEMENTED"));
        long removed = data.evaluation(plan, leaving, "2151-01-01", Map.of(1, "IMPLEMENTED"));
        TestData.Key key = data.key(leaving);
        String path = "/api/v1/evaluators/" + leaving;
        List<Object> before = stateOf(plan);

        assertProblem(admin().header("If-Match", etag(path)).delete(path), 409, "Conflict", path)
                .body(
                        "detail",
                        allOf(
                                containsString(Long.toString(removed)),
                                containsString("1 API key"),
                                containsString("cascade=true")));
        assertEquals(before, stateOf(plan));

        admin().header("If-Match", etag(path))
                .queryParam("cascade", true)
                .delete(path)
                .then()
                .statusCode(204);
        assertProblem(given().get(path), 404, "Resource not found", path);
        assertProblem(
                given().get("/api/v1/evaluations/" + removed),
                404,
                "Resource not found",
                "/api/v1/evaluations/" + removed);
        given().get("/api/v1/plans/" + plan + "/measures/1")
                .then()
                .body("status", equalTo("NOT_IMPLEMENTED"))
                .body("statusSource.evaluationId", equalTo((int) kept));
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        assertProblem(
                json(as(key.secret()), TestData.evaluationBody(keeper, "2152-01-01", Map.of()))
                        .post(evaluations),
                401,
                "Unauthorized",
                evaluations);
    }

    @Test
    void anEvaluatorWithOnlyAnApiKeyIsOnlyDeletedWithCascade() {
        String evaluator = data.evaluator();
        data.key(evaluator);
        String path = "/api/v1/evaluators/" + evaluator;

        assertProblem(admin().header("If-Match", etag(path)).delete(path), 409, "Conflict", path)
                .body("detail", containsString("1 API key"));
        given().get(path).then().statusCode(200);
    }
}
