package org.planwatch.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
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
class PlanResourceTest {

    /** Shares are decimals: read them as BigDecimal, not float, to compare them exactly. */
    private static RequestSpecification withDecimals() {
        return given().config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL)));
    }

    @Test
    void listsTheSecondPlanWithItsHeadlineProgress() {
        given().get("/api/v1/plans")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("items", hasSize(1))
                .body("$", hasEntry(equalTo("nextCursor"), nullValue()))
                .header("Link", nullValue())
                .body("items[0].slug", equalTo("2019-2021"))
                .body("items[0].axisCount", equalTo(6))
                .body("items[0].measureCount", equalTo(45))
                .body("items[0].progress.statuses.count", contains(3, 28, 14, 0))
                .body("items[0].latestEvaluation.date", equalTo("2023-01-12"));
    }

    @Test
    void getsAPlanByItsPeriod() {
        int evaluation = given().get("/api/v1/plans/2019-2021/evaluations")
                .then()
                .extract()
                .path("items[0].id");

        given().get("/api/v1/plans/2019-2021")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("slug", equalTo("2019-2021"))
                .body("startYear", equalTo(2019))
                .body("endYear", equalTo(2021))
                .body("axisCount", equalTo(6))
                .body("measureCount", equalTo(45))
                .body("progress.measureCount", equalTo(45))
                .body("latestEvaluation.id", equalTo(evaluation))
                .body(
                        "latestEvaluation.title",
                        equalTo(
                                "Évaluation de la mise en œuvre du plan d'action national contre la traite des êtres humains (2019-2021)"))
                .body("latestEvaluation.evaluator.slug", equalTo("cncdh"))
                .body("latestEvaluation.evaluator.shortName", equalTo("CNCDH"));
    }

    @Test
    void progressListsEveryStatusInAFixedOrderWithItsFrenchLabel() {
        given().get("/api/v1/plans/2019-2021")
                .then()
                .statusCode(200)
                .body(
                        "progress.statuses.status",
                        contains("IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED", "NOT_ASSESSED"))
                .body(
                        "progress.statuses.statusLabel",
                        contains("Réalisée", "Partiellement réalisée", "Non réalisée", "Non évaluée"));
    }

    @Test
    void sharesAreCountsOverAllMeasuresRoundedToFourDecimals() {
        withDecimals()
                .get("/api/v1/plans/2019-2021")
                .then()
                .statusCode(200)
                .body("progress.statuses[0].share", comparesEqualTo(new BigDecimal("0.0667")))
                .body("progress.statuses[1].share", comparesEqualTo(new BigDecimal("0.6222")))
                .body("progress.statuses[2].share", comparesEqualTo(new BigDecimal("0.3111")))
                .body("progress.statuses[3].share", comparesEqualTo(BigDecimal.ZERO));
    }

    @Test
    void listAndDetailShowTheSamePlan() {
        var listed = given().get("/api/v1/plans")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("items[0]");
        var detail = given().get("/api/v1/plans/2019-2021")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        assertEquals(detail, listed);
    }
}
