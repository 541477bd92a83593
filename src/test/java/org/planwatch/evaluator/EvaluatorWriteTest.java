package org.planwatch.evaluator;

import static io.restassured.RestAssured.given;
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
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.Api;
import org.planwatch.TestData;

@QuarkusTest
class EvaluatorWriteTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void createsAnEvaluatorAddressedByItsSlug() {
        String slug = "greta-" + UUID.randomUUID().toString().substring(0, 8);
        data.deleteAfterwards("/api/v1/evaluators/" + slug + "?cascade=true");
        Map<String, Object> body = TestData.evaluatorBody(
                slug, "Groupe d'experts sur la lutte contre la traite des êtres humains", "INTERNATIONAL_BODY");
        body.put("shortName", "GRETA");
        body.put("website", "https://www.coe.int/en/web/anti-human-trafficking");

        Response created = json(admin(), body).post("/api/v1/evaluators");
        created.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/evaluators/" + slug))
                .header("ETag", notNullValue())
                .body("slug", equalTo(slug))
                .body("name", equalTo("Groupe d'experts sur la lutte contre la traite des êtres humains"))
                .body("shortName", equalTo("GRETA"))
                .body("kind", equalTo("INTERNATIONAL_BODY"))
                .body("kindLabel", equalTo("Organisation internationale"))
                .body("website", equalTo("https://www.coe.int/en/web/anti-human-trafficking"));

        Response read = given().get("/api/v1/evaluators/" + slug);
        read.then().statusCode(200);
        assertEquals(created.jsonPath().getMap("$"), read.jsonPath().getMap("$"));
        assertEquals(created.header("ETag"), read.header("ETag"));
        assertTrue(Api.all("/api/v1/evaluators").stream().anyMatch(e -> slug.equals(e.get("slug"))));
    }

    @Test
    void updatesAnEvaluatorsNameKindAndWebsite() {
        String slug = data.evaluator();
        String path = "/api/v1/evaluators/" + slug;
        String before = etag(path);
        Map<String, Object> body = TestData.evaluatorBody(slug, "Mission interministérielle", "GOVERNMENT");
        body.put("shortName", "MIPROF");

        Response updated = json(admin().header("If-Match", before), body).put(path);
        updated.then()
                .statusCode(200)
                .body("slug", equalTo(slug))
                .body("name", equalTo("Mission interministérielle"))
                .body("shortName", equalTo("MIPROF"))
                .body("kind", equalTo("GOVERNMENT"))
                .body("kindLabel", equalTo("Gouvernement"))
                .body("website", nullValue());

        Response read = given().get(path);
        assertEquals(updated.jsonPath().getMap("$"), read.jsonPath().getMap("$"));
        assertEquals(updated.header("ETag"), read.header("ETag"));
        assertNotEquals(before, read.header("ETag"));
    }

    @Test
    void anEvaluatorsNewNameShowsInItsEvaluations() {
        String plan = data.planWithMeasures(1);
        String slug = data.evaluator();
        long evaluation = data.evaluation(plan, slug, "2150-01-01", Map.of(1, "IMPLEMENTED"));
        Map<String, Object> body = TestData.evaluatorBody(slug, "Nom changé", "CIVIL_SOCIETY");

        json(admin().header("If-Match", etag("/api/v1/evaluators/" + slug)), body)
                .put("/api/v1/evaluators/" + slug)
                .then()
                .statusCode(200);

        given().get("/api/v1/evaluations/" + evaluation).then().body("evaluator.name", equalTo("Nom changé"));
    }

    @Test
    void deletesAnEvaluatorWithoutEvaluationsOrKeys() {
        String slug = data.evaluator();
        String path = "/api/v1/evaluators/" + slug;

        admin().header("If-Match", etag(path)).delete(path).then().statusCode(204);

        assertProblem(given().get(path), 404, "Resource not found", path);
        assertFalse(Api.all("/api/v1/evaluators").stream().anyMatch(e -> slug.equals(e.get("slug"))));
    }
}
