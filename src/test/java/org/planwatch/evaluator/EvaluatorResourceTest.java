package org.planwatch.evaluator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvaluatorResourceTest {

    @Test
    void listsTheEvaluatorsBySlug() {
        given().get("/api/v1/evaluators")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("$", hasEntry(equalTo("nextCursor"), nullValue()))
                .body("items.slug", contains("cncdh", "collectif-ensemble-contre-la-traite"))
                .body("items.kind", contains("INDEPENDENT_RAPPORTEUR", "CIVIL_SOCIETY"))
                .body("items.kindLabel", contains("Rapporteur national indépendant", "Société civile"));
    }

    @Test
    void getsTheCncdh() {
        given().get("/api/v1/evaluators/cncdh")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("slug", equalTo("cncdh"))
                .body("name", equalTo("Commission nationale consultative des droits de l'homme"))
                .body("shortName", equalTo("CNCDH"))
                .body("kind", equalTo("INDEPENDENT_RAPPORTEUR"))
                .body("kindLabel", equalTo("Rapporteur national indépendant"))
                .body("website", equalTo("https://www.cncdh.fr"));
    }

    @Test
    void getsTheCollectif() {
        given().get("/api/v1/evaluators/collectif-ensemble-contre-la-traite")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("slug", equalTo("collectif-ensemble-contre-la-traite"))
                .body("name", equalTo("Collectif « Ensemble contre la traite des êtres humains »"))
                .body("kind", equalTo("CIVIL_SOCIETY"))
                .body("kindLabel", equalTo("Société civile"));
    }
}
