package org.planwatch.axis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AxisResourceTest {

    private static final String AXES = "/api/v1/plans/2019-2021/axes";

    @Test
    void listsTheSixAxesInOrderWithTheirMeasureCounts() {
        given().get(AXES)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("$", hasEntry(equalTo("nextCursor"), nullValue()))
                .body("items.number", contains(1, 2, 3, 4, 5, 6))
                .body("items.progress.measureCount", contains(12, 7, 11, 5, 4, 6));
    }

    @Test
    void getsOneAxisWithItsProgress() {
        given().config(RestAssured.config()
                        .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL)))
                .get(AXES + "/5")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("number", equalTo(5))
                .body("title", equalTo("Coordonner l’action publique de la lutte contre la traite des êtres humains"))
                .body("progress.measureCount", equalTo(4))
                .body(
                        "progress.statuses.status",
                        contains("IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED", "NOT_ASSESSED"))
                .body("progress.statuses.count", contains(1, 1, 2, 0))
                .body("progress.statuses[0].share", comparesEqualTo(new BigDecimal("0.25")))
                .body("progress.statuses[1].share", comparesEqualTo(new BigDecimal("0.25")))
                .body("progress.statuses[2].share", comparesEqualTo(new BigDecimal("0.5")))
                .body("progress.statuses[3].share", comparesEqualTo(BigDecimal.ZERO));
    }

    @Test
    void eachAxisDetailIsTheSameAsItsListItem() {
        List<Map<String, Object>> listed =
                given().get(AXES).then().statusCode(200).extract().jsonPath().getList("items");
        for (Map<String, Object> axis : listed) {
            Map<String, Object> detail = given().get(AXES + "/" + axis.get("number"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("$");
            assertEquals(axis, detail);
        }
    }
}
