package org.planwatch.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planwatch.Api;
import org.planwatch.TestData;

/** asOf: the state of knowledge on a date, evaluations dated after it ignored. */
@QuarkusTest
class AsOfTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    /** A plan whose measure 1 was NOT_IMPLEMENTED on 2150-03-01 and IMPLEMENTED from 2151-03-01; measure 2 assessed once, in 2151. */
    private record Known(String plan, long older, long newer) {}

    private Known twoEvaluations() {
        String plan = data.planWithMeasures(3);
        String evaluator = data.evaluator();
        long older = data.evaluation(plan, evaluator, "2150-03-01", Map.of(1, "NOT_IMPLEMENTED"));
        long newer =
                data.evaluation(plan, evaluator, "2151-03-01", Map.of(1, "IMPLEMENTED", 2, "PARTIALLY_IMPLEMENTED"));
        return new Known(plan, older, newer);
    }

    @Test
    void aMeasureAsOfADateBetweenTwoEvaluationsHasTheOlderStatusAndHistory() {
        Known known = twoEvaluations();
        String path = "/api/v1/plans/" + known.plan() + "/measures/1";

        given().queryParam("asOf", "2151-02-28")
                .get(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("NOT_IMPLEMENTED"))
                .body("statusSource.evaluationId", equalTo((int) known.older()))
                .body("evaluatorStatuses.status", contains("NOT_IMPLEMENTED"))
                .body("assessments.evaluation.id", contains((int) known.older()));
        given().queryParam("asOf", "2151-03-01")
                .get(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("IMPLEMENTED"))
                .body("statusSource.evaluationId", equalTo((int) known.newer()))
                .body("assessments.evaluation.id", contains((int) known.newer(), (int) known.older()));
        given().queryParam("asOf", "2150-02-28")
                .get(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("NOT_ASSESSED"))
                .body("statusSource", nullValue())
                .body("evaluatorStatuses", empty())
                .body("assessments", empty());
        assertEquals(
                Api.read(path),
                Api.read(path + "?asOf=2999-12-31"),
                "asOf after every evaluation is today's knowledge");
    }

    @Test
    void theMeasureListAsOfADateCountsOnlyWhatWasKnown() {
        Known known = twoEvaluations();
        String measures = "/api/v1/plans/" + known.plan() + "/measures";

        given().queryParam("asOf", "2151-01-01")
                .get(measures)
                .then()
                .statusCode(200)
                .body("items.status", contains("NOT_IMPLEMENTED", "NOT_ASSESSED", "NOT_ASSESSED"));
        given().queryParam("asOf", "2151-03-01")
                .get(measures)
                .then()
                .statusCode(200)
                .body("items.status", contains("IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_ASSESSED"));
        given().queryParam("asOf", "2151-01-01")
                .queryParam("status", "NOT_IMPLEMENTED")
                .get(measures)
                .then()
                .body("items.number", contains(1));
    }

    @Test
    void axesAndProgressAsOfADate() {
        Known known = twoEvaluations();
        String base = "/api/v1/plans/" + known.plan();

        given().queryParam("asOf", "2151-01-01")
                .get(base + "/axes")
                .then()
                .statusCode(200)
                .body("items[0].progress.statuses.count", contains(0, 0, 1, 2));
        given().queryParam("asOf", "2151-01-01")
                .get(base + "/axes/1")
                .then()
                .statusCode(200)
                .body("progress.statuses.count", contains(0, 0, 1, 2));
        given().queryParam("asOf", "2151-01-01")
                .get(base + "/progress")
                .then()
                .statusCode(200)
                .body("basis", equalTo("LATEST"))
                .body("overall.statuses.count", contains(0, 0, 1, 2));
        given().queryParam("asOf", "2151-06-01")
                .get(base + "/progress")
                .then()
                .body("overall.statuses.count", contains(1, 1, 0, 1));
        given().queryParam("asOf", "2000-01-01")
                .get(base + "/axes/1")
                .then()
                .body("progress.statuses.count", contains(0, 0, 0, 3));
    }

    @Test
    void asOfCannotBeCombinedWithAnEvaluation() {
        Known known = twoEvaluations();
        String progress = "/api/v1/plans/" + known.plan() + "/progress";

        assertProblem(
                        given().queryParam("asOf", "2151-01-01")
                                .queryParam("evaluation", known.older())
                                .get(progress),
                        400,
                        "Invalid parameter",
                        progress)
                .body("errors.field", equalTo(List.of("asOf")));
    }

    @ParameterizedTest(name = "asOf={0}")
    @ValueSource(strings = {"2151-13-01", "01/03/2151", "demain", "2151-3-1", "0000-01-01", "+10000-01-01"})
    void anAsOfThatIsNoDateIsA400NamingIt(String asOf) {
        String plan = data.planWithMeasures(1);
        String base = "/api/v1/plans/" + plan;
        for (String path : List.of(
                base + "/measures", base + "/measures/1", base + "/axes", base + "/axes/1", base + "/progress")) {
            assertProblem(given().queryParam("asOf", asOf).get(path), 400, "Invalid parameter", path)
                    .body("errors.field", equalTo(List.of("asOf")));
        }
    }
}
