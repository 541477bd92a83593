package org.planwatch.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.Feed;
import org.planwatch.TestData;

/**
 * The change feed as a syncing client reads it: from the resumeCursor it stored, exactly what
 * changed since; STATUS_CHANGED only for the measures whose current status changed.
 */
@QuarkusTest
class ChangeFeedTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> changes, String kind) {
        return changes.stream()
                .filter(c -> kind.equals(c.get("kind")))
                .sorted(Comparator.comparing(c -> ((Number) c.get("measure")).intValue()))
                .toList();
    }

    @Test
    void sinceTheResumeCursorTheFeedListsExactlyTheNewChanges() {
        String plan = data.planWithMeasures(3);
        String evaluator = data.evaluator();
        data.evaluation(
                plan,
                evaluator,
                "2150-01-01",
                Map.of(1, "NOT_IMPLEMENTED", 2, "NOT_IMPLEMENTED", 3, "PARTIALLY_IMPLEMENTED"));
        String cursor = Feed.end(plan);

        long evaluation = data.evaluation(
                plan,
                evaluator,
                "2151-01-01",
                Map.of(1, "IMPLEMENTED", 2, "PARTIALLY_IMPLEMENTED", 3, "PARTIALLY_IMPLEMENTED"));

        JsonPath page = Feed.page(cursor, plan, 200);
        List<Map<String, Object>> changes = page.getList("items");
        assertEquals(3, changes.size(), "one creation and two status changes: " + changes);
        Map<String, Object> created = changes.get(0);
        assertEquals("CREATED", created.get("kind"));
        assertEquals("evaluation", created.get("resource"));
        assertEquals("/api/v1/evaluations/" + evaluation, created.get("path"));
        assertEquals(plan, created.get("plan"));

        List<Map<String, Object>> statusChanges = ofKind(changes, "STATUS_CHANGED");
        assertEquals(
                List.of(1, 2), statusChanges.stream().map(c -> c.get("measure")).toList(), "measure 3 kept its status");
        Map<String, Object> first = statusChanges.get(0);
        assertEquals("measure", first.get("resource"));
        assertEquals("/api/v1/plans/" + plan + "/measures/1", first.get("path"));
        assertEquals(plan, first.get("plan"));
        assertEquals("NOT_IMPLEMENTED", first.get("previousStatus"));
        assertEquals("Non réalisée", first.get("previousStatusLabel"));
        assertEquals("IMPLEMENTED", first.get("newStatus"));
        assertEquals("Réalisée", first.get("newStatusLabel"));
        assertEquals(
                Map.of("id", (int) evaluation, "date", "2151-01-01", "evaluator", evaluator), first.get("evaluation"));
        assertEquals("PARTIALLY_IMPLEMENTED", statusChanges.get(1).get("newStatus"));
        List<Long> ids =
                changes.stream().map(c -> ((Number) c.get("id")).longValue()).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "in commit order");
        changes.forEach(c -> assertTrue(c.get("at") != null, "every change says when"));

        // the next sync, from where this one ended, finds nothing new and keeps its place
        JsonPath next = Feed.page(page.getString("resumeCursor"), plan, 200);
        assertEquals(List.of(), next.getList("items"));
        assertEquals(page.getString("resumeCursor"), next.getString("resumeCursor"));
    }

    @Test
    void anEvaluationOlderThanTheCurrentOnesChangesNoCurrentStatus() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        data.evaluation(plan, evaluator, "2151-01-01", Map.of(1, "IMPLEMENTED"));
        String cursor = Feed.end(plan);

        data.evaluation(plan, data.evaluator(), "2150-01-01", Map.of(1, "NOT_IMPLEMENTED", 2, "NOT_IMPLEMENTED"));

        List<Map<String, Object>> changes = Feed.since(cursor, plan);
        List<Map<String, Object>> statusChanges = ofKind(changes, "STATUS_CHANGED");
        assertEquals(
                List.of(2),
                statusChanges.stream().map(c -> c.get("measure")).toList(),
                "measure 1 keeps the newer status; measure 2 was not assessed before");
        assertEquals("NOT_ASSESSED", statusChanges.get(0).get("previousStatus"));
        assertEquals("Non évaluée", statusChanges.get(0).get("previousStatusLabel"));
    }

    @Test
    void deletingEvaluationsListsTheStatusesFallingBack() {
        String plan = data.planWithMeasures(1);
        String evaluator = data.evaluator();
        long older = data.evaluation(plan, evaluator, "2150-01-01", Map.of(1, "NOT_IMPLEMENTED"));
        long newer = data.evaluation(plan, evaluator, "2151-01-01", Map.of(1, "IMPLEMENTED"));
        String cursor = Feed.end(plan);

        admin().header("If-Match", etag("/api/v1/evaluations/" + newer))
                .delete("/api/v1/evaluations/" + newer)
                .then()
                .statusCode(204);
        admin().header("If-Match", etag("/api/v1/evaluations/" + older))
                .delete("/api/v1/evaluations/" + older)
                .then()
                .statusCode(204);

        List<Map<String, Object>> changes = Feed.since(cursor, plan);
        assertEquals(
                List.of("DELETED", "STATUS_CHANGED", "DELETED", "STATUS_CHANGED"),
                changes.stream().map(c -> c.get("kind")).toList());
        assertEquals("/api/v1/evaluations/" + newer, changes.get(0).get("path"));
        Map<String, Object> fallBack = changes.get(1);
        assertEquals("IMPLEMENTED", fallBack.get("previousStatus"));
        assertEquals("NOT_IMPLEMENTED", fallBack.get("newStatus"));
        assertEquals(
                Map.of("id", (int) older, "date", "2150-01-01", "evaluator", evaluator), fallBack.get("evaluation"));
        Map<String, Object> unassessed = changes.get(3);
        assertEquals("NOT_IMPLEMENTED", unassessed.get("previousStatus"));
        assertEquals("NOT_ASSESSED", unassessed.get("newStatus"));
        assertTrue(unassessed.containsKey("evaluation"), "every field is sent, null when it has no value");
        assertNull(unassessed.get("evaluation"), "no evaluation gives the measure its status any more");
    }

    @Test
    void movingAnEvaluationsDateChangesTheStatusesItGivesAndTheFeedSaysSo() {
        String plan = data.planWithMeasures(1);
        String evaluator = data.evaluator();
        long older = data.evaluation(plan, evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED"));
        long newer = data.evaluation(plan, evaluator, "2151-01-01", Map.of(1, "NOT_IMPLEMENTED"));
        String path = "/api/v1/evaluations/" + newer;
        String cursor = Feed.end(plan);

        // the "newer" evaluation was in fact adopted before the other one
        json(
                        admin().header("If-Match", etag(path)),
                        Map.of(
                                "title",
                                "Daté à tort",
                                "date",
                                "2149-06-01",
                                "source",
                                TestData.source("Rapport", "https://www.example.fr/r")))
                .put(path)
                .then()
                .statusCode(200);

        List<Map<String, Object>> changes = Feed.since(cursor, plan);
        assertEquals(
                List.of("UPDATED", "STATUS_CHANGED"),
                changes.stream().map(c -> c.get("kind")).toList());
        assertEquals(path, changes.get(0).get("path"));
        Map<String, Object> status = changes.get(1);
        assertEquals("NOT_IMPLEMENTED", status.get("previousStatus"));
        assertEquals("IMPLEMENTED", status.get("newStatus"));
        assertEquals(Map.of("id", (int) older, "date", "2150-01-01", "evaluator", evaluator), status.get("evaluation"));
    }

    @Test
    void assessmentWritesAreListedWithTheStatusChangesTheyCause() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        long evaluation = data.evaluation(plan, evaluator, "2150-01-01", Map.of(1, "NOT_IMPLEMENTED"));
        String first = "/api/v1/evaluations/" + evaluation + "/assessments/1";
        String second = "/api/v1/evaluations/" + evaluation + "/assessments/2";
        String cursor = Feed.end(plan);

        json(admin().header("If-Match", etag(first)), Map.of("status", "NOT_IMPLEMENTED", "comment", "Même statut"))
                .put(first)
                .then()
                .statusCode(200);
        json(admin(), Map.of("status", "IMPLEMENTED")).put(second).then().statusCode(201);
        admin().header("If-Match", etag(first)).delete(first).then().statusCode(204);

        assertEquals(
                List.of(
                        "UPDATED assessment " + first,
                        "CREATED assessment " + second,
                        "STATUS_CHANGED measure 2 NOT_ASSESSED>IMPLEMENTED",
                        "DELETED assessment " + first,
                        "STATUS_CHANGED measure 1 NOT_IMPLEMENTED>NOT_ASSESSED"),
                Feed.since(cursor, plan).stream()
                        .map(c -> "STATUS_CHANGED".equals(c.get("kind"))
                                ? "STATUS_CHANGED measure " + c.get("measure") + " " + c.get("previousStatus") + ">"
                                        + c.get("newStatus")
                                : c.get("kind") + " " + c.get("resource") + " " + c.get("path"))
                        .toList());
    }

    @Test
    void deletingAnEvaluatorWithItsEvaluationsListsTheStatusChangesInEachPlan() {
        String plan = data.planWithMeasures(1);
        String other = data.planWithMeasures(1);
        String evaluator = data.evaluator();
        data.evaluation(plan, evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED"));
        data.evaluation(other, evaluator, "2150-01-01", Map.of(1, "PARTIALLY_IMPLEMENTED"));
        String ofPlan = Feed.end(plan);
        String ofOther = Feed.end(other);

        admin().header("If-Match", etag("/api/v1/evaluators/" + evaluator))
                .queryParam("cascade", true)
                .delete("/api/v1/evaluators/" + evaluator)
                .then()
                .statusCode(204);

        for (Map.Entry<String, String> synced :
                Map.of(plan, ofPlan, other, ofOther).entrySet()) {
            List<Map<String, Object>> changes = Feed.since(synced.getValue(), synced.getKey());
            assertEquals(
                    List.of("STATUS_CHANGED"),
                    changes.stream().map(c -> c.get("kind")).toList(),
                    synced.getKey() + ": " + changes);
            assertEquals("NOT_ASSESSED", changes.get(0).get("newStatus"));
        }
    }

    @Test
    void editsAreListedWithTheirResourceAndPath() {
        String plan = data.planWithMeasures(2);
        String cursor = Feed.end(plan);
        String axis = "/api/v1/plans/" + plan + "/axes/1";
        String measure = "/api/v1/plans/" + plan + "/measures/2";

        json(admin().header("If-Match", etag(axis)), Map.of("number", 1, "title", "Axe renommé"))
                .put(axis)
                .then()
                .statusCode(200);
        admin().header("If-Match", etag(measure)).delete(measure).then().statusCode(204);
        data.axis(plan, 5);

        List<Map<String, Object>> changes = Feed.since(cursor, plan);
        assertEquals(
                List.of(
                        "UPDATED axis " + axis,
                        "DELETED measure " + measure,
                        "CREATED axis /api/v1/plans/" + plan + "/axes/5"),
                changes.stream()
                        .map(c -> c.get("kind") + " " + c.get("resource") + " " + c.get("path"))
                        .toList());
        changes.forEach(c -> assertNull(c.get("previousStatus")));
    }

    @Test
    void thePlanFilterKeepsOnlyThatPlansChanges() {
        String plan = data.planWithMeasures(1);
        String other = data.planWithMeasures(1);
        String evaluator = data.evaluator();
        String everything = Feed.end(null);

        data.evaluation(other, evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED"));
        long ours = data.evaluation(plan, evaluator, "2150-01-01", Map.of(1, "IMPLEMENTED"));
        String slug = data.evaluator();

        List<Map<String, Object>> ofPlan = Feed.since(everything, plan);
        assertEquals(
                List.of("CREATED /api/v1/evaluations/" + ours, "STATUS_CHANGED /api/v1/plans/" + plan + "/measures/1"),
                ofPlan.stream().map(c -> c.get("kind") + " " + c.get("path")).toList());
        List<Map<String, Object>> all = Feed.since(everything, null);
        assertEquals(5, all.size(), "both plans' changes and the evaluator's creation: " + all);
        Map<String, Object> evaluatorCreated = all.get(4);
        assertEquals("CREATED", evaluatorCreated.get("kind"));
        assertEquals("evaluator", evaluatorCreated.get("resource"));
        assertEquals("/api/v1/evaluators/" + slug, evaluatorCreated.get("path"));
        // An evaluator belongs to no plan, and an edit has no status: those fields are sent, as null.
        for (String field : List.of(
                "plan",
                "measure",
                "previousStatus",
                "previousStatusLabel",
                "newStatus",
                "newStatusLabel",
                "evaluation")) {
            assertTrue(
                    evaluatorCreated.containsKey(field) && evaluatorCreated.get(field) == null,
                    field + " null: " + evaluatorCreated);
        }
    }

    @Test
    void smallPagesFollowNextCursorToTheSameChanges() {
        String plan = data.planWithMeasures(3);
        String cursor = Feed.end(plan);
        data.evaluation(
                plan, data.evaluator(), "2150-01-01", Map.of(1, "IMPLEMENTED", 2, "IMPLEMENTED", 3, "IMPLEMENTED"));
        List<Map<String, Object>> expected = Feed.since(cursor, plan);

        List<Map<String, Object>> paged = new ArrayList<>();
        String since = cursor;
        for (int page = 0; page < 10; page++) {
            JsonPath answer = Feed.page(since, plan, 1);
            paged.addAll(answer.getList("items"));
            assertTrue(answer.getMap("$").containsKey("nextCursor"), "nextCursor is sent, null on the last page");
            if (answer.getString("nextCursor") == null) {
                break;
            }
            assertEquals(answer.getString("nextCursor"), answer.getString("resumeCursor"));
            since = answer.getString("nextCursor");
        }
        assertEquals(expected, paged);
        assertEquals(4, paged.size());
    }

    @Test
    void anEmptyPageStillSaysWhereToResume() {
        String plan = data.plan();
        String end = Feed.end(plan);

        given().queryParam("plan", plan)
                .queryParam("since", end)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()))
                .body("$", hasEntry(equalTo("nextCursor"), nullValue()))
                .body("resumeCursor", equalTo(end));
    }

    // Fails as of this writing: the problem names "cursor", a parameter this operation does not have.
    @Test
    void aSinceTheApiDidNotIssueIsA400NamingSince() {
        assertProblem(
                        given().queryParam("since", "garbage").get("/api/v1/changes"),
                        400,
                        "Invalid parameter",
                        "/api/v1/changes")
                .body("errors.field", equalTo(List.of("since")));
    }

    @Test
    void aLimitOutOfRangeIsA400() {
        assertProblem(
                        given().queryParam("limit", 0).get("/api/v1/changes"),
                        400,
                        "Invalid parameter",
                        "/api/v1/changes")
                .body("errors.field", equalTo(List.of("limit")));
    }
}
