package org.planwatch.axis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.TestData;

@QuarkusTest
class AxisWriteTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void createsAnAxisAddressedByItsNumber() {
        String plan = data.plan();
        String path = "/api/v1/plans/" + plan + "/axes/7";

        Response created = json(admin(), Map.of("number", 7, "title", " Lutter contre l'exploitation par le travail "))
                .post("/api/v1/plans/" + plan + "/axes");
        created.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith(path))
                .header("ETag", notNullValue())
                .body("number", equalTo(7))
                .body("title", equalTo("Lutter contre l'exploitation par le travail"))
                .body("progress.measureCount", equalTo(0))
                .body("progress.statuses.count", contains(0, 0, 0, 0));

        Response read = given().get(path);
        read.then().statusCode(200);
        assertEquals(created.jsonPath().getMap("$"), read.jsonPath().getMap("$"));
        assertEquals(created.header("ETag"), read.header("ETag"));
        given().get("/api/v1/plans/" + plan + "/axes").then().statusCode(200).body("items.number", contains(7));
        given().get("/api/v1/plans/" + plan).then().body("axisCount", equalTo(1));
    }

    @Test
    void updatesAnAxisTitle() {
        String plan = data.planWithMeasures(2);
        String path = "/api/v1/plans/" + plan + "/axes/1";
        String before = etag(path);

        Response updated = json(
                        admin().header("If-Match", before), Map.of("number", 1, "title", "Identifier les victimes"))
                .put(path);
        updated.then()
                .statusCode(200)
                .body("number", equalTo(1))
                .body("title", equalTo("Identifier les victimes"))
                .body("progress.measureCount", equalTo(2));

        Response read = given().get(path);
        assertEquals(updated.jsonPath().getMap("$"), read.jsonPath().getMap("$"));
        assertEquals(updated.header("ETag"), read.header("ETag"));
        assertNotEquals(before, read.header("ETag"));
        given().get("/api/v1/plans/" + plan + "/measures/1")
                .then()
                .body("axis.title", equalTo("Identifier les victimes"));
    }

    @Test
    void deletesAnAxisWithoutMeasures() {
        String plan = data.planWithMeasures(1);
        String path = "/api/v1/plans/" + plan + "/axes/2";

        admin().header("If-Match", etag(path)).delete(path).then().statusCode(204);

        assertProblem(given().get(path), 404, "Resource not found", path);
        given().get("/api/v1/plans/" + plan + "/axes").then().body("items.number", contains(1));
        given().get("/api/v1/plans/" + plan).then().body("axisCount", equalTo(1));
    }
}
