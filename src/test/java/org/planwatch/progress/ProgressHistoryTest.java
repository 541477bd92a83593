package org.planwatch.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.Api;
import org.planwatch.TestData;

/** The progress curve: one point per evaluation date, oldest first, each as known on that date. */
@QuarkusTest
class ProgressHistoryTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void aPlanWithoutEvaluationsHasNoPoints() {
        String plan = data.planWithMeasures(2);

        given().get("/api/v1/plans/" + plan + "/progress/history")
                .then()
                .statusCode(200)
                .body("plan", equalTo(plan))
                .body("points", empty());
    }

    @Test
    void eachNewEvaluationDateAddsAPointInDateOrder() {
        String plan = data.planWithMeasures(3);
        String evaluator = data.evaluator();
        String other = data.evaluator();
        String history = "/api/v1/plans/" + plan + "/progress/history";
        long first = data.evaluation(plan, evaluator, "2150-06-01", Map.of(1, "NOT_IMPLEMENTED", 2, "NOT_IMPLEMENTED"));
        given().get(history).then().body("points.date", contains("2150-06-01"));

        long earlier = data.evaluation(plan, other, "2150-01-01", Map.of(3, "IMPLEMENTED"));
        long later = data.evaluation(plan, evaluator, "2151-01-01", Map.of(1, "IMPLEMENTED"));

        given().get(history)
                .then()
                .statusCode(200)
                .body("points.date", contains("2150-01-01", "2150-06-01", "2151-01-01"))
                .body("points[0].evaluations.id", contains((int) earlier))
                .body("points[1].evaluations.id", contains((int) first))
                .body("points[2].evaluations.id", contains((int) later))
                .body("points[2].evaluations[0].evaluator.slug", equalTo(evaluator))
                .body(
                        "points.overall.statuses.count",
                        contains(contains(1, 0, 0, 2), contains(1, 0, 2, 0), contains(2, 0, 1, 0)))
                .body("points[1].axes.number", contains(1, 2))
                .body("points[1].axes[0].progress.statuses.count", contains(1, 0, 2, 0));
        JsonPath points = given().get(history).jsonPath();
        assertEquals(
                Api.readMap("/api/v1/plans/" + plan + "/progress").get("overall"),
                points.getMap("points[2].overall"),
                "the last point is today's progress");
        assertEquals(
                Api.readMap("/api/v1/plans/" + plan + "/progress?asOf=2150-06-01")
                        .get("axes"),
                points.getList("points[1].axes"),
                "each point is the progress as known on its date");
    }

    @Test
    void evaluationsOfTheSameDayShareAPoint() {
        String plan = data.planWithMeasures(2);
        long a = data.evaluation(plan, data.evaluator(), "2150-06-01", Map.of(1, "IMPLEMENTED"));
        long b = data.evaluation(plan, data.evaluator(), "2150-06-01", Map.of(2, "IMPLEMENTED"));

        given().get("/api/v1/plans/" + plan + "/progress/history")
                .then()
                .body("points.date", contains("2150-06-01"))
                .body("points[0].evaluations.id", contains((int) a, (int) b))
                .body("points[0].overall.statuses.count", contains(2, 0, 0, 0));
    }

    @Test
    void theHistoryOfAnUnknownPlanIsA404() {
        assertProblem(
                given().get("/api/v1/plans/1900-1901/progress/history"),
                404,
                "Resource not found",
                "/api/v1/plans/1900-1901/progress/history");
    }
}
