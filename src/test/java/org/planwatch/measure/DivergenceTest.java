package org.planwatch.measure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.TestData;

/** Each evaluator's latest status per measure, and whether they disagree. */
@QuarkusTest
class DivergenceTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void evaluatorsThatDisagreeMakeAMeasureDivergent() {
        String plan = data.planWithMeasures(3);
        String first = data.evaluator();
        String second = data.evaluator();
        List<String> bySlug = first.compareTo(second) < 0 ? List.of(first, second) : List.of(second, first);
        long a = data.evaluation(
                plan, first, "2150-01-01", Map.of(1, "IMPLEMENTED", 2, "NOT_IMPLEMENTED", 3, "PARTIALLY_IMPLEMENTED"));
        long b = data.evaluation(plan, second, "2150-06-01", Map.of(1, "NOT_IMPLEMENTED", 2, "NOT_IMPLEMENTED"));
        String measures = "/api/v1/plans/" + plan + "/measures";

        JsonPath list = given().get(measures).then().statusCode(200).extract().jsonPath();
        assertEquals(
                List.of(true, false, false),
                list.getList("items.divergent"),
                "1 disagrees, 2 agrees, 3 has one evaluator");
        assertEquals(bySlug, list.getList("items[0].evaluatorStatuses.evaluator.slug"), "evaluator statuses by slug");
        assertEquals(List.of(first), list.getList("items[2].evaluatorStatuses.evaluator.slug"));

        given().get(measures + "/1")
                .then()
                .statusCode(200)
                .body("divergent", equalTo(true))
                .body("status", equalTo("NOT_IMPLEMENTED"))
                .body("statusSource.evaluationId", equalTo((int) b));
        JsonPath one = given().get(measures + "/1").then().extract().jsonPath();
        Map<String, Object> ofFirst = one.getMap("evaluatorStatuses.find { it.evaluator.slug == '" + first + "' }");
        assertEquals("IMPLEMENTED", ofFirst.get("status"));
        assertEquals("Réalisée", ofFirst.get("statusLabel"));
        assertEquals((int) a, ofFirst.get("evaluationId"));
        assertEquals("2150-01-01", ofFirst.get("date"));
        given().get(measures + "/2")
                .then()
                .body("divergent", equalTo(false))
                .body("evaluatorStatuses.status", contains("NOT_IMPLEMENTED", "NOT_IMPLEMENTED"));
    }

    @Test
    void onlyEachEvaluatorsLatestStatusCounts() {
        String plan = data.planWithMeasures(1);
        String first = data.evaluator();
        String second = data.evaluator();
        data.evaluation(plan, first, "2150-01-01", Map.of(1, "NOT_IMPLEMENTED"));
        data.evaluation(plan, second, "2150-06-01", Map.of(1, "IMPLEMENTED"));
        String measure = "/api/v1/plans/" + plan + "/measures/1";
        given().get(measure).then().body("divergent", equalTo(true));

        // the first evaluator changes its mind: now they agree
        data.evaluation(plan, first, "2151-01-01", Map.of(1, "IMPLEMENTED"));

        given().get(measure)
                .then()
                .body("divergent", equalTo(false))
                .body("evaluatorStatuses.status", contains("IMPLEMENTED", "IMPLEMENTED"))
                .body("assessments.status", contains("IMPLEMENTED", "IMPLEMENTED", "NOT_IMPLEMENTED"));
        // as known before the change of mind, they disagreed
        given().queryParam("asOf", "2150-12-31").get(measure).then().body("divergent", equalTo(true));
    }
}
