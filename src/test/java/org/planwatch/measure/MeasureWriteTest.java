package org.planwatch.measure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
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
class MeasureWriteTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void createsAMeasureNotYetAssessed() {
        String plan = data.planWithMeasures(0);
        String path = "/api/v1/plans/" + plan + "/measures/46";

        Response created = json(
                        admin(),
                        Map.of("number", 46, "axis", 2, "title", "Créer un fonds d'indemnisation des victimes"))
                .post("/api/v1/plans/" + plan + "/measures");
        created.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith(path))
                .header("ETag", notNullValue())
                .body("plan", equalTo(plan))
                .body("number", equalTo(46))
                .body("title", equalTo("Créer un fonds d'indemnisation des victimes"))
                .body("axis.number", equalTo(2))
                .body("axis.title", equalTo("Axe 2"))
                .body("status", equalTo("NOT_ASSESSED"))
                .body("statusLabel", equalTo("Non évaluée"))
                .body("statusSource", nullValue())
                .body("evaluatorStatuses", empty())
                .body("divergent", equalTo(false))
                .body("assessments", empty());

        Response read = given().get(path);
        read.then().statusCode(200);
        assertEquals(created.jsonPath().getMap("$"), read.jsonPath().getMap("$"));
        assertEquals(created.header("ETag"), read.header("ETag"));
        given().get("/api/v1/plans/" + plan + "/measures").then().body("items.number", contains(46));
        given().get("/api/v1/plans/" + plan + "/axes/2")
                .then()
                .body("progress.measureCount", equalTo(1))
                .body("progress.statuses.count", contains(0, 0, 0, 1));
    }

    @Test
    void updatesAMeasureTitleAndMovesItToAnotherAxis() {
        String plan = data.planWithMeasures(2);
        String path = "/api/v1/plans/" + plan + "/measures/2";
        String before = etag(path);

        Response updated = json(
                        admin().header("If-Match", before),
                        Map.of("number", 2, "axis", 2, "title", "Former les magistrats"))
                .put(path);
        updated.then()
                .statusCode(200)
                .body("number", equalTo(2))
                .body("title", equalTo("Former les magistrats"))
                .body("axis.number", equalTo(2));

        Response read = given().get(path);
        assertEquals(updated.jsonPath().getMap("$"), read.jsonPath().getMap("$"));
        assertEquals(updated.header("ETag"), read.header("ETag"));
        assertNotEquals(before, read.header("ETag"));
        given().get("/api/v1/plans/" + plan + "/axes").then().body("items.progress.measureCount", contains(1, 1));
    }

    @Test
    void deletesAMeasureWithoutAssessments() {
        String plan = data.planWithMeasures(2);
        String path = "/api/v1/plans/" + plan + "/measures/2";

        admin().header("If-Match", etag(path)).delete(path).then().statusCode(204);

        assertProblem(given().get(path), 404, "Resource not found", path);
        given().get("/api/v1/plans/" + plan + "/measures").then().body("items.number", contains(1));
        given().get("/api/v1/plans/" + plan).then().body("measureCount", equalTo(1));
    }
}
