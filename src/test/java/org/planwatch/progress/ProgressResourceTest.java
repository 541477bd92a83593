package org.planwatch.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgressResourceTest {

    private static final String PROGRESS = "/api/v1/plans/2019-2021/progress";

    private static RequestSpecification withDecimals() {
        return given().config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL)));
    }

    private static int cncdhEvaluation() {
        return given().get("/api/v1/plans/2019-2021/evaluations")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }

    @Test
    void latestProgressCountsEachMeasureAtItsCurrentStatus() {
        withDecimals()
                .get(PROGRESS)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("plan", equalTo("2019-2021"))
                .body("basis", equalTo("LATEST"))
                .body("evaluation", nullValue())
                .body("overall.measureCount", equalTo(45))
                .body(
                        "overall.statuses.status",
                        contains("IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED", "NOT_ASSESSED"))
                .body("overall.statuses.count", contains(3, 28, 14, 0))
                .body("overall.statuses[0].share", comparesEqualTo(new BigDecimal("0.0667")))
                .body("overall.statuses[1].share", comparesEqualTo(new BigDecimal("0.6222")))
                .body("overall.statuses[2].share", comparesEqualTo(new BigDecimal("0.3111")))
                .body("overall.statuses[3].share", comparesEqualTo(BigDecimal.ZERO))
                .body("axes.number", contains(1, 2, 3, 4, 5, 6))
                .body("axes.progress.measureCount", contains(12, 7, 11, 5, 4, 6))
                .body("axes[0].progress.statuses.count", contains(0, 7, 5, 0))
                .body("axes[0].progress.statuses[1].share", comparesEqualTo(new BigDecimal("0.5833")))
                .body("axes[0].progress.statuses[2].share", comparesEqualTo(new BigDecimal("0.4167")))
                .body("axes[5].progress.statuses.count", contains(2, 3, 1, 0))
                .body("axes[5].progress.statuses[0].share", comparesEqualTo(new BigDecimal("0.3333")))
                .body("axes[5].progress.statuses[1].share", comparesEqualTo(new BigDecimal("0.5")))
                .body("axes[5].progress.statuses[2].share", comparesEqualTo(new BigDecimal("0.1667")));
    }

    @Test
    void progressOfOneEvaluationCountsTheStatusesItGave() {
        int evaluation = cncdhEvaluation();
        given().queryParam("evaluation", evaluation)
                .get(PROGRESS)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("plan", equalTo("2019-2021"))
                .body("basis", equalTo("EVALUATION"))
                .body("evaluation.id", equalTo(evaluation))
                .body("evaluation.date", equalTo("2023-01-12"))
                .body("evaluation.evaluator.slug", equalTo("cncdh"))
                .body("overall.measureCount", equalTo(45))
                .body("overall.statuses.count", contains(3, 28, 14, 0))
                .body(
                        "axes.progress.statuses.count",
                        contains(
                                contains(0, 7, 5, 0),
                                contains(0, 5, 2, 0),
                                contains(0, 8, 3, 0),
                                contains(0, 4, 1, 0),
                                contains(1, 1, 2, 0),
                                contains(2, 3, 1, 0)));
    }

    @Test
    void progressAgreesWithThePlanAndItsAxes() {
        var progress = given().get(PROGRESS).then().statusCode(200).extract().jsonPath();
        var plan = given().get("/api/v1/plans/2019-2021")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        var axes = given().get("/api/v1/plans/2019-2021/axes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(plan.getMap("progress"), progress.getMap("overall"));
        assertEquals(axes.getList("items"), progress.getList("axes"));
    }
}
