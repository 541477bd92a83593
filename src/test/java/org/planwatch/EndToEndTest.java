package org.planwatch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.as;
import static org.planwatch.Api.json;
import static org.planwatch.Api.read;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The "done when" scenario, on the shipped plan 2019-2021: the administrator gives the CNCDH a key;
 * the CNCDH imports a CSV evaluation dated after its 12 January 2023 one that changes two measures'
 * statuses and repeats one; the progress history gains a point, the change feed lists exactly those
 * two status changes, and the key cannot write the Collectif's data. The shipped data is restored
 * afterwards, whatever happens: the other tests read it.
 */
@QuarkusTest
class EndToEndTest {

    private static final String PLAN = "2019-2021";
    private static final String BASE = "/api/v1/plans/" + PLAN;
    private static final String COLLECTIF = "collectif-ensemble-contre-la-traite";

    @Test
    void theCncdhRecordsAFollowUpEvaluationWithItsOwnKey() {
        List<Object> shipped = List.of(
                read(BASE + "/evaluations"),
                read(BASE + "/progress"),
                read(BASE + "/measures?limit=200"),
                read(BASE + "/progress/history"));
        Set<Object> shippedEvaluations =
                new HashSet<>(given().get(BASE + "/evaluations").jsonPath().getList("items.id"));
        int pointsBefore = given().get(BASE + "/progress/history")
                .jsonPath()
                .getList("points")
                .size();
        given().get(BASE + "/measures/16").then().body("status", equalTo("NOT_IMPLEMENTED"));
        given().get(BASE + "/measures/2").then().body("status", equalTo("NOT_IMPLEMENTED"));
        given().get(BASE + "/measures/38").then().body("status", equalTo("IMPLEMENTED"));
        String cursor = Feed.end(PLAN);
        Long keyId = null;
        try {
            Response created = json(
                            admin(),
                            Map.of("name", "CNCDH — saisie des avis", "role", "EVALUATOR", "evaluator", "cncdh"))
                    .post("/api/v1/api-keys");
            created.then().statusCode(201);
            keyId = created.jsonPath().getLong("apiKey.id");
            String key = created.path("key");

            String csv = """
                    measure,status,comment,evidenceUrl
                    16,PARTIALLY_IMPLEMENTED,Un mécanisme national de référence a été annoncé,https://www.example.fr/mecanisme
                    2,IMPLEMENTED,,
                    38,IMPLEMENTED,Toujours réalisée,
                    """;
            Response imported = Api.csv(
                            as(key).queryParam("evaluator", "cncdh")
                                    .queryParam("title", "Suivi de l'évaluation du plan d'action national (2019-2021)")
                                    .queryParam("date", "2024-03-01")
                                    .queryParam("sourceTitle", "Avis de suivi de la CNCDH")
                                    .queryParam("sourceUrl", "https://www.cncdh.fr/"),
                            csv)
                    .post(BASE + "/evaluations");
            imported.then()
                    .statusCode(201)
                    .body("evaluator.slug", equalTo("cncdh"))
                    .body("date", equalTo("2024-03-01"))
                    .body("assessments.measure", contains(2, 16, 38));
            long evaluation = imported.jsonPath().getLong("id");

            // the progress curve has one more point: the new evaluation's
            JsonPath history = given().get(BASE + "/progress/history")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Object> points = history.getList("points");
            assertEquals(pointsBefore + 1, points.size());
            assertEquals("2024-03-01", history.getString("points[-1].date"));
            assertEquals(List.of((int) evaluation), history.getList("points[-1].evaluations.id"));
            assertEquals(List.of(4, 29, 12, 0), history.getList("points[-1].overall.statuses.count"));
            assertEquals(List.of(3, 28, 14, 0), history.getList("points[-2].overall.statuses.count"));

            // the feed, read from where it ended before, lists exactly the two status changes
            List<Map<String, Object>> changes = new ArrayList<>(Feed.since(cursor, PLAN));
            List<Map<String, Object>> statusChanges = changes.stream()
                    .filter(c -> "STATUS_CHANGED".equals(c.get("kind")))
                    .sorted(Comparator.comparing(c -> ((Number) c.get("measure")).intValue()))
                    .toList();
            assertEquals(
                    List.of(2, 16),
                    statusChanges.stream().map(c -> c.get("measure")).toList(),
                    "measure 38 kept its status");
            assertEquals(
                    List.of("NOT_IMPLEMENTED", "NOT_IMPLEMENTED"),
                    statusChanges.stream().map(c -> c.get("previousStatus")).toList());
            assertEquals(
                    List.of("IMPLEMENTED", "PARTIALLY_IMPLEMENTED"),
                    statusChanges.stream().map(c -> c.get("newStatus")).toList());
            statusChanges.forEach(c -> assertEquals(
                    Map.of("id", (int) evaluation, "date", "2024-03-01", "evaluator", "cncdh"), c.get("evaluation")));
            assertEquals(
                    List.of("CREATED /api/v1/evaluations/" + evaluation),
                    changes.stream()
                            .filter(c -> !"STATUS_CHANGED".equals(c.get("kind")))
                            .map(c -> c.get("kind") + " " + c.get("path"))
                            .toList(),
                    "besides the status changes, only the evaluation's creation");

            given().get(BASE + "/measures/16")
                    .then()
                    .body("status", equalTo("PARTIALLY_IMPLEMENTED"))
                    .body("assessments[0].evidence.url", contains("https://www.example.fr/mecanisme"))
                    .body("assessments.evaluation.date", contains("2024-03-01", "2023-01-12"));

            // the CNCDH's key cannot write the Collectif's data
            String evaluations = BASE + "/evaluations";
            assertProblem(
                    json(as(key), TestData.evaluationBody(COLLECTIF, "2024-04-01", Map.of(16, "NOT_IMPLEMENTED")))
                            .post(evaluations),
                    403,
                    "Forbidden",
                    evaluations);
            assertProblem(
                    Api.csv(
                                    as(key).queryParam("evaluator", COLLECTIF)
                                            .queryParam("title", "Faux")
                                            .queryParam("date", "2024-04-01")
                                            .queryParam("sourceTitle", "Faux")
                                            .queryParam("sourceUrl", "https://www.example.fr/faux"),
                                    "measure,status\n16,NOT_IMPLEMENTED\n")
                            .post(evaluations),
                    403,
                    "Forbidden",
                    evaluations);
            String collectif = "/api/v1/evaluators/" + COLLECTIF;
            assertProblem(
                    json(
                                    as(key).header("If-Match", Api.etag(collectif)),
                                    TestData.evaluatorBody(COLLECTIF, "Renommé par la CNCDH", "CIVIL_SOCIETY"))
                            .put(collectif),
                    403,
                    "Forbidden",
                    collectif);
            assertEquals(
                    List.of(),
                    given().get(evaluations).jsonPath().getList("items.evaluator.slug").stream()
                            .filter(COLLECTIF::equals)
                            .toList(),
                    "the Collectif has no evaluation");
        } finally {
            restore(shippedEvaluations, keyId);
        }

        assertEquals(
                shipped,
                List.of(
                        read(BASE + "/evaluations"),
                        read(BASE + "/progress"),
                        read(BASE + "/measures?limit=200"),
                        read(BASE + "/progress/history")),
                "the shipped plan is back as it was");
    }

    /** Deletes every evaluation of the plan that was not shipped, and revokes the key. */
    private static void restore(Set<Object> shippedEvaluations, Long keyId) {
        for (Map<String, Object> evaluation : Api.all(BASE + "/evaluations")) {
            if (!shippedEvaluations.contains(evaluation.get("id"))) {
                String path = "/api/v1/evaluations/" + evaluation.get("id");
                admin().header("If-Match", Api.etag(path)).delete(path).then().statusCode(204);
            }
        }
        if (keyId != null) {
            admin().delete("/api/v1/api-keys/" + keyId).then().statusCode(204);
        }
        assertTrue(Api.all(BASE + "/evaluations").stream().allMatch(e -> shippedEvaluations.contains(e.get("id"))));
    }
}
