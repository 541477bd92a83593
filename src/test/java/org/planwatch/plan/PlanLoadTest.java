package org.planwatch.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.csv;
import static org.planwatch.Api.json;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.Api;
import org.planwatch.AuditTrail;
import org.planwatch.Feed;
import org.planwatch.TableDigests;
import org.planwatch.TestData;

/**
 * The whole story of a new plan: an administrator loads it from a spreadsheet in one request, with deadlines and
 * measures taken up from the 2019-2021 plan; the service then says which measures are overdue, as of today or of a
 * date, and follows each taken-up measure back to the plan it came from.
 */
@QuarkusTest
class PlanLoadTest {

    private static final String PLAN = "2030-2033";
    private static final String BASE = "/api/v1/plans/" + PLAN;

    /**
     * A made-up plan of 3 axes and 12 measures: 2 takes up measure 16 of 2019-2021 and 7 its measure 24; 2, 5 and 9
     * are due by dates long past (a year, a month, a day), 3 and 10 by dates far ahead. Quoted values, a BOM, and the
     * axis title only on the first line of each axis but repeated, identical, on another.
     */
    static final String CSV = "\uFEFF" + """
            axis;axisTitle;measure;title;lead;dueBy;continues
            1;Prévenir l'exploitation;1;Former les professionnels au repérage;MIPROF;;
            1;;2;"Mettre en place le mécanisme national de référence; enfin";Ministère de la Justice;2020;2019-2021/16
            1;Prévenir l'exploitation;3;Sensibiliser le public;MIPROF;2199;
            1;;4;Mesurer le phénomène;;;
            2;Protéger les victimes;5;Ouvrir des places d'hébergement;Ministère du Logement;2021-06;
            2;Protéger les victimes;6;Former les avocats;;;
            2;;7;Protéger les mineurs non accompagnés;Ministère de l'Intérieur;;2019-2021/24
            2;;8;Indemniser les victimes;;;
            3;Poursuivre les auteurs;9;Renforcer les enquêtes financières;Ministère de la Justice;2022-03-15;
            3;;10;Coopérer avec les pays d'origine;Ministère de l'Europe et des Affaires étrangères;2199-12;
            3;;11;Saisir les avoirs criminels;;;
            3;;12;Évaluer le plan;MIPROF;;
            """;

    @Inject
    DataSource dataSource;

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    static RequestSpecification metadata(RequestSpecification request) {
        return request.queryParam("startYear", 2030)
                .queryParam("endYear", 2033)
                .queryParam("title", "Plan de test 2030-2033 (inventé pour les tests)")
                .queryParam("presentedOn", "2029-12-11")
                .queryParam("sourceTitle", "Plan de test")
                .queryParam("sourceUrl", "https://www.example.fr/plan-2030-2033");
    }

    private static List<Integer> numbers(String query) {
        return given().get(BASE + "/measures?limit=200" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.number", Integer.class);
    }

    @Test
    void anAdministratorLoadsAPlanFromASpreadsheetAndFollowsItsDeadlinesAndLineage() {
        assertEquals(404, given().get(BASE).statusCode(), "the made-up plan is not in the dataset");
        data.deletePlanAfterwards(PLAN);
        String feed = Feed.end(null);
        AuditTrail audit = AuditTrail.mark();

        Response created = csv(metadata(admin()).header("Idempotency-Key", "load-2030-2033"), CSV)
                .post("/api/v1/plans");
        created.then()
                .statusCode(201)
                .header("Location", endsWith(BASE))
                .body("slug", equalTo(PLAN))
                .body("axisCount", equalTo(3))
                .body("measureCount", equalTo(12))
                .body("progress.overdueCount", equalTo(3));
        // a retry with the same key answers the same and records nothing new
        csv(metadata(admin()).header("Idempotency-Key", "load-2030-2033"), CSV)
                .post("/api/v1/plans")
                .then()
                .statusCode(201)
                .header("ETag", created.header("ETag"));

        // one change in the feed and one entry in the audit trail: the plan's creation
        List<Map<String, Object>> changes = Feed.since(feed, null).stream()
                .filter(c -> PLAN.equals(c.get("plan")))
                .toList();
        assertEquals(1, changes.size(), "the load is one change: " + changes);
        assertEquals("CREATED", changes.get(0).get("kind"));
        assertEquals(BASE, changes.get(0).get("path"));
        List<Map<String, Object>> entries = audit.entriesSince().stream()
                .filter(e -> String.valueOf(e.get("resource")).startsWith(BASE))
                .toList();
        assertEquals(1, entries.size(), "one audit entry: " + entries);
        assertEquals(12, ((Number) ((Map<?, ?>) entries.get(0).get("after")).get("measureCount")).intValue());

        // 12 not assessed, 3 overdue, by axis too
        given().get(BASE + "/progress")
                .then()
                .statusCode(200)
                .body("overall.measureCount", equalTo(12))
                .body("overall.statuses.find { it.status == 'NOT_ASSESSED' }.count", equalTo(12))
                .body("overall.overdueCount", equalTo(3))
                .body("axes.progress.overdueCount", contains(1, 1, 1));
        assertEquals(List.of(2, 5, 9), numbers("&overdue=true"));
        assertEquals(List.of(1, 3, 4, 6, 7, 8, 10, 11, 12), numbers("&overdue=false"));
        assertEquals(List.of(2, 9), numbers("&lead=justice"), "accents and case ignored, contains");
        assertEquals(List.of(10), numbers("&lead=Ministère de l'Europe et des Affaires étrangères"));
        assertEquals(List.of(7), numbers("&lead=INTERIEUR&overdue=false&axis=2"));

        // each measure shows its deadline as written
        given().get(BASE + "/measures/2")
                .then()
                .statusCode(200)
                .body("title", equalTo("Mettre en place le mécanisme national de référence; enfin"))
                .body("lead", equalTo("Ministère de la Justice"))
                .body("dueBy", equalTo("2020"))
                .body("overdue", equalTo(true))
                .body("continues.plan", equalTo("2019-2021"))
                .body("continues.number", equalTo(16))
                .body("continuedBy", equalTo(List.of()));
        given().get(BASE + "/measures/5").then().body("dueBy", equalTo("2021-06"));
        given().get(BASE + "/measures/9").then().body("dueBy", equalTo("2022-03-15"));
        given().get(BASE + "/measures/4").then().body("dueBy", nullValue()).body("lead", nullValue());
        given().get("/api/v1/plans/2019-2021/measures/16")
                .then()
                .body("continuedBy.plan", contains(PLAN))
                .body("continuedBy.number", contains(2));

        // the pages: the dashboard of the latest plan with measures (not a newer empty one), the overdue mark (a
        // symbol and words) and filter, the chain in words on the measure's page; the badges show the count and mark
        data.plan();
        String home = given().get("/").then().statusCode(200).extract().asString();
        assertTrue(home.contains("Plan de test 2030-2033"), "the home page shows " + PLAN);
        String overdue = given().get("/plans/" + PLAN + "?overdue=true")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(overdue.contains("⌛</span> en retard"), overdue);
        assertTrue(overdue.contains("3 mesure(s) affichée(s) sur 12"), overdue);
        assertTrue(given().get("/plans/" + PLAN + "/measures/2")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .contains("Reprise de la mesure 16 du plan 2019-2021, non réalisée dans ce plan."));
        assertTrue(given().get("/plans/" + PLAN + "/measures/2?lang=en")
                .then()
                .extract()
                .asString()
                .contains("Taken up from measure 16 of the 2019-2021 plan, not implemented there."));
        assertTrue(given().get(BASE + "/badge.svg")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .contains("⌛ 3"));
        assertTrue(given().get(BASE + "/measures/9/badge.svg")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .contains("⌛ en retard"));
        assertTrue(given().get("/embed/measures?plan=" + PLAN + "&overdue=true")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .contains("en retard"));

        // an evaluation marks measure 2 implemented: it is no longer overdue, from the evaluation's date on
        String evaluator = data.evaluator();
        data.evaluation(PLAN, evaluator, "2024-05-01", Map.of(2, "IMPLEMENTED", 5, "PARTIALLY_IMPLEMENTED"));
        assertEquals(List.of(5, 9), numbers("&overdue=true"));
        given().get(BASE + "/measures/2").then().body("overdue", equalTo(false));
        given().get(BASE + "/progress").then().body("overall.overdueCount", equalTo(2));

        // its lineage: measure 16 of 2019-2021, not implemented there, then measure 2, implemented
        given().get(BASE + "/measures/2/lineage")
                .then()
                .statusCode(200)
                .body("asOf", nullValue())
                .body("chain.plan", contains("2019-2021", PLAN))
                .body("chain.number", contains(16, 2))
                .body("chain.status", contains("NOT_IMPLEMENTED", "IMPLEMENTED"))
                .body("chain[0].continues", nullValue())
                .body("chain[1].continues.number", equalTo(16));
        given().get("/api/v1/plans/2019-2021/measures/16/lineage").then().body("chain.number", contains(16, 2));

        // asOf before the evaluation gives the earlier answers
        String before = "&asOf=2024-04-30";
        assertEquals(List.of(2, 5, 9), numbers("&overdue=true" + before));
        given().get(BASE + "/progress?asOf=2024-04-30").then().body("overall.overdueCount", equalTo(3));
        given().get(BASE + "/measures/2?asOf=2024-04-30").then().body("overdue", equalTo(true));
        given().get(BASE + "/measures/2/lineage?asOf=2024-04-30")
                .then()
                .body("asOf", equalTo("2024-04-30"))
                .body("chain.status", contains("NOT_IMPLEMENTED", "NOT_ASSESSED"));
        // and before the deadlines, nothing was overdue
        assertEquals(List.of(), numbers("&overdue=true&asOf=2019-12-31"));
        given().get(BASE + "/progress/history").then().body("points[0].overall.overdueCount", equalTo(2));

        // the CSV export has the columns
        String export = given().accept("text/csv")
                .get(BASE + "/measures")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                "number;title;axis;axisTitle;status;statusLabel;statusEvaluationId;statusDate;statusEvaluator;"
                        + "evaluatorStatuses;divergent;lead;dueBy;overdue;continues",
                export.lines().findFirst().orElseThrow().replace("\uFEFF", ""));
        assertEquals(
                true,
                export.lines()
                        .anyMatch(l -> l.startsWith("9;") && l.endsWith(";Ministère de la Justice;2022-03-15;true;")),
                export);
        assertEquals(true, export.lines().anyMatch(l -> l.startsWith("7;") && l.endsWith(";2019-2021/24")), export);
    }

    @Test
    void aBadImportIsOne422ListingEveryBadLineAndWritesNothing() throws Exception {
        String bad = CSV.replace("1;;4;Mesurer le phénomène;;;", "1;;3;Mesurer le phénomène;;;") // line 5: 3 again
                .replace("2019-2021/24", "2019-2021/99") // line 8: 2019-2021 has 45 measures
                .replace("2022-03-15", "2022-02-30"); // line 10: no such day
        Map<String, String> before = TableDigests.digest(dataSource);
        Response response = csv(metadata(admin()), bad).post("/api/v1/plans");
        assertProblem(response, 422, "Unprocessable content", "/api/v1/plans")
                .body("errors.field", contains("line 5.measure", "line 8.continues", "line 10.dueBy"));
        assertEquals(before, TableDigests.digest(dataSource), "nothing was written");
        assertEquals(404, given().get(BASE).statusCode());
    }

    @Test
    void theJsonFormLoadsTheSamePlanAndNamesItsProblemsByPath() throws Exception {
        int start = data.freeStartYear(3);
        Map<String, Object> body = TestData.planBody(start, start + 3, "Plan chargé en JSON");
        body.put(
                "axes",
                List.of(
                        Map.of(
                                "number",
                                1,
                                "title",
                                "Prévenir",
                                "measures",
                                List.of(
                                        Map.of("number", 1, "title", "Former", "lead", "MIPROF", "dueBy", "2020-01"),
                                        Map.of(
                                                "number",
                                                2,
                                                "title",
                                                "Reprendre",
                                                "continues",
                                                Map.of("plan", "2019-2021", "number", 16)))),
                        Map.of("number", 2, "title", "Protéger", "measures", List.of())));
        Map<String, String> before = TableDigests.digest(dataSource);
        Map<String, Object> wrong = new HashMap<>(body);
        wrong.put(
                "axes",
                List.of(
                        Map.of(
                                "number",
                                1,
                                "title",
                                "Prévenir",
                                "measures",
                                List.of(
                                        Map.of("number", 1, "title", "Former", "dueBy", "bientôt"),
                                        Map.of(
                                                "number",
                                                1,
                                                "title",
                                                "Reprendre",
                                                "continues",
                                                Map.of("plan", start + "-" + (start + 3), "number", 1)))),
                        Map.of("number", 1, "title", "Encore")));
        assertProblem(json(admin(), wrong).post("/api/v1/plans"), 422, "Unprocessable content", "/api/v1/plans")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "axes[0].measures[0].dueBy",
                                "axes[0].measures[1].number",
                                "axes[0].measures[1].continues",
                                "axes[1].number"));
        assertEquals(before, TableDigests.digest(dataSource), "nothing was written");

        String slug = json(admin(), body)
                .post("/api/v1/plans")
                .then()
                .statusCode(201)
                .body("measureCount", equalTo(2))
                .body("progress.overdueCount", equalTo(1))
                .extract()
                .path("slug");
        given().get("/api/v1/plans/" + slug + "/measures/1").then().body("dueBy", equalTo("2020-01"));
        given().get("/api/v1/plans/2019-2021/measures/16").then().body("continuedBy.plan", hasItem(slug));
    }

    @Test
    void aMeasuresPutWritesItsLeadDeadlineAndLineageAndTheFeedShowsIt() {
        String plan = data.planWithMeasures(1);
        String path = "/api/v1/plans/" + plan + "/measures/1";
        String feed = Feed.end(plan);
        Map<String, Object> body = new HashMap<>(Map.of("number", 1, "axis", 1, "title", "Mesure reprise"));
        body.put("lead", "Ministère de la Justice");
        body.put("dueBy", "2025-13");
        body.put("continues", Map.of("plan", "2019-2021", "number", 46));
        assertProblem(
                        json(admin().header("If-Match", Api.etag(path)), body).put(path),
                        422,
                        "Unprocessable content",
                        path)
                .body("errors.field", contains("dueBy", "continues"));
        body.put("dueBy", "2025-12");
        body.put("continues", Map.of("plan", "2019-2021", "number", 45));
        json(admin().header("If-Match", Api.etag(path)), body)
                .put(path)
                .then()
                .statusCode(200)
                .body("dueBy", equalTo("2025-12"))
                .body("continues.number", equalTo(45));
        List<Map<String, Object>> changes = Feed.since(feed, plan);
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("UPDATED", changes.get(0).get("kind"));

        // a measure cannot take up one of a plan that did not start before its own
        body.put("continues", Map.of("plan", plan, "number", 1));
        body.put("dueBy", null);
        assertProblem(
                        json(admin().header("If-Match", Api.etag(path)), body).put(path),
                        422,
                        "Unprocessable content",
                        path)
                .body("errors.field", contains("continues"));
        given().get("/api/v1/plans/" + plan + "/measures/9/lineage").then().statusCode(404);
    }

    @Test
    void whatAnotherPlanTakesUpIsNotDeletedEvenWithCascade() throws Exception {
        String plan = data.planWithMeasures(1);
        String path = "/api/v1/plans/" + plan + "/measures/1";
        json(
                        admin().header("If-Match", Api.etag(path)),
                        Map.of(
                                "number",
                                1,
                                "axis",
                                1,
                                "title",
                                "Mesure reprise",
                                "continues",
                                Map.of("plan", "2019-2021", "number", 45)))
                .put(path)
                .then()
                .statusCode(200);
        String target = "/api/v1/plans/2019-2021/measures/45";
        int axis = given().get(target).then().statusCode(200).extract().path("axis.number");
        Map<String, String> before = TableDigests.digest(dataSource);
        for (String delete : List.of(target, "/api/v1/plans/2019-2021/axes/" + axis, "/api/v1/plans/2019-2021")) {
            assertProblem(
                            admin().header("If-Match", Api.etag(delete))
                                    .queryParam("cascade", true)
                                    .delete(delete),
                            409,
                            "Conflict",
                            delete)
                    .body("detail", containsString("cannot be deleted, even with cascade=true"))
                    .body(
                            "detail",
                            containsString("measure 1 of plan " + plan + " continues measure 45 of plan 2019-2021"));
        }
        assertEquals(before, TableDigests.digest(dataSource), "nothing was deleted");
        given().get(path).then().statusCode(200).body("continues.number", equalTo(45));
    }
}
