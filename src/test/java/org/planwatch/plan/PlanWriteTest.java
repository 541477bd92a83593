package org.planwatch.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;
import static org.planwatch.Api.readMap;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.Api;
import org.planwatch.TestData;

@QuarkusTest
class PlanWriteTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void createsAPlanAddressedByItsPeriod() {
        int start = data.freeStartYear(3);
        String slug = start + "-" + (start + 3);
        Map<String, Object> body =
                TestData.planBody(start, start + 3, "  Plan national de lutte contre la traite " + slug + " ");

        Response created = json(admin(), body).post("/api/v1/plans");
        created.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/plans/" + slug))
                .header("ETag", notNullValue())
                .body("slug", equalTo(slug))
                .body("title", equalTo("Plan national de lutte contre la traite " + slug))
                .body("startYear", equalTo(start))
                .body("endYear", equalTo(start + 3))
                .body("presentedOn", equalTo(start + "-01-15"))
                .body("source.title", equalTo("Plan publié"))
                .body("source.url", equalTo("https://www.example.fr/plan"))
                .body("axisCount", equalTo(0))
                .body("measureCount", equalTo(0))
                .body("progress.statuses.count", contains(0, 0, 0, 0))
                .body("latestEvaluation", nullValue());

        Response read = given().get("/api/v1/plans/" + slug);
        read.then().statusCode(200);
        assertEquals(created.jsonPath().getMap("$"), read.jsonPath().getMap("$"), "GET shows the plan as created");
        assertEquals(created.header("ETag"), read.header("ETag"), "the ETag of the creation is the one GET gives");
        assertTrue(Api.all("/api/v1/plans").stream().anyMatch(p -> slug.equals(p.get("slug"))), "the plan is listed");
    }

    @Test
    void updatesAPlansTitlePresentationDateAndSource() {
        String slug = data.plan();
        int start = Integer.parseInt(slug.substring(0, 4));
        int end = Integer.parseInt(slug.substring(5));
        String before = etag("/api/v1/plans/" + slug);
        Map<String, Object> body = TestData.planBody(start, end, "Titre révisé");
        body.put("presentedOn", null);
        body.put("source", TestData.source("Nouvelle source", "https://www.example.fr/nouvelle"));

        Response updated = json(admin().header("If-Match", before), body).put("/api/v1/plans/" + slug);
        updated.then()
                .statusCode(200)
                .body("slug", equalTo(slug))
                .body("title", equalTo("Titre révisé"))
                .body("presentedOn", nullValue())
                .body("source.title", equalTo("Nouvelle source"))
                .body("source.url", equalTo("https://www.example.fr/nouvelle"));

        Response read = given().get("/api/v1/plans/" + slug);
        assertEquals(updated.jsonPath().getMap("$"), read.jsonPath().getMap("$"));
        assertEquals(updated.header("ETag"), read.header("ETag"));
        assertNotEquals(before, read.header("ETag"), "a changed plan has a new ETag");
    }

    @Test
    void deletesAnEmptyPlan() {
        String slug = data.plan();
        admin().header("If-Match", etag("/api/v1/plans/" + slug))
                .delete("/api/v1/plans/" + slug)
                .then()
                .statusCode(204);

        assertProblem(given().get("/api/v1/plans/" + slug), 404, "Resource not found", "/api/v1/plans/" + slug);
        assertFalse(
                Api.all("/api/v1/plans").stream().anyMatch(p -> slug.equals(p.get("slug"))),
                "the plan is no longer listed");
    }

    @Test
    void aPlansCountsFollowItsAxesMeasuresAndEvaluations() {
        String slug = data.planWithMeasures(3);
        String evaluator = data.evaluator();
        long evaluation =
                data.evaluation(slug, evaluator, "2150-06-01", Map.of(1, "IMPLEMENTED", 2, "NOT_IMPLEMENTED"));

        given().get("/api/v1/plans/" + slug)
                .then()
                .statusCode(200)
                .body("axisCount", equalTo(2))
                .body("measureCount", equalTo(3))
                .body("progress.statuses.count", contains(1, 0, 1, 1))
                .body("latestEvaluation.id", equalTo((int) evaluation))
                .body("latestEvaluation.date", equalTo("2150-06-01"))
                .body("latestEvaluation.evaluator.slug", equalTo(evaluator));
        assertEquals(
                readMap("/api/v1/plans/" + slug).get("progress"),
                readMap("/api/v1/plans/" + slug + "/progress").get("overall"));
    }
}
