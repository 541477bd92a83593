package org.planwatch.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;
import static org.planwatch.Api.read;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planwatch.TestData;

/**
 * Updates and deletes need If-Match with the resource's current ETag: 428 without it, 412 with any
 * other (a stale one, a made-up one, a weak one), success with the current one or {@code *}.
 */
@QuarkusTest
class IfMatchTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    static Stream<Writable> writables() {
        return Writable.all();
    }

    /**
     * A client generated from the contract asks a DELETE for the only body the contract gives it, a problem
     * ({@code Accept: application/problem+json}): it is answered as any other client, not with a 406.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("writables")
    void aDeleteAskingForAProblemAsAGeneratedClientDoesIsDone(Writable kind) {
        String path = kind.create().apply(data);
        admin().header("If-Match", etag(path))
                .accept("application/problem+json")
                .delete(path)
                .then()
                .statusCode(204);
        given().get(path).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writables")
    void anUpdateWithoutIfMatchIsA428AndChangesNothing(Writable kind) {
        String path = kind.create().apply(data);
        Object before = read(path);

        assertProblem(
                json(admin(), kind.update().apply(path, "Sans If-Match")).put(path),
                428,
                "Precondition required",
                path);
        assertProblem(
                json(admin().header("If-Match", ""), kind.update().apply(path, "If-Match vide"))
                        .put(path),
                428,
                "Precondition required",
                path);

        assertEquals(before, read(path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writables")
    void anUpdateWithAStaleOrOtherEtagIsA412AndChangesNothing(Writable kind) {
        String path = kind.create().apply(data);
        String first = etag(path);
        json(admin().header("If-Match", first), kind.update().apply(path, "Première mise à jour"))
                .put(path)
                .then()
                .statusCode(200);
        Object afterFirst = read(path);
        String current = etag(path);

        assertProblem(
                json(admin().header("If-Match", first), kind.update().apply(path, "Écrase la première"))
                        .put(path),
                412,
                "Precondition failed",
                path);
        assertProblem(
                json(admin().header("If-Match", "\"inventé\""), kind.update().apply(path, "ETag inventé"))
                        .put(path),
                412,
                "Precondition failed",
                path);
        // If-Match compares strongly: a weak tag never matches
        assertProblem(
                json(admin().header("If-Match", "W/" + current), kind.update().apply(path, "ETag faible"))
                        .put(path),
                412,
                "Precondition failed",
                path);

        assertEquals(afterFirst, read(path));
        assertEquals(current, etag(path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writables")
    void anUpdateWithTheCurrentEtagOrAStarSucceeds(Writable kind) {
        String path = kind.create().apply(data);

        String answered = json(
                        admin().header("If-Match", "\"autre\", " + etag(path)),
                        kind.update().apply(path, "Avec l'ETag courant"))
                .put(path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().get(path)
                .then()
                .body(kind.textField(), equalTo("Avec l'ETag courant"))
                .header("ETag", equalTo(answered));

        json(admin().header("If-Match", "*"), kind.update().apply(path, "Avec une étoile"))
                .put(path)
                .then()
                .statusCode(200);
        given().get(path).then().body(kind.textField(), equalTo("Avec une étoile"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writables")
    void aDeleteNeedsTheCurrentEtag(Writable kind) {
        String path = kind.create().apply(data);
        String stale = etag(path);
        json(admin().header("If-Match", stale), kind.update().apply(path, "Changé depuis"))
                .put(path)
                .then()
                .statusCode(200);
        Object before = read(path);

        assertProblem(admin().delete(path), 428, "Precondition required", path);
        assertProblem(admin().header("If-Match", stale).delete(path), 412, "Precondition failed", path);
        assertEquals(before, read(path));

        admin().header("If-Match", etag(path)).delete(path).then().statusCode(204);
        assertProblem(given().get(path), 404, "Resource not found", path);
    }

    @Test
    void aDeleteWithAStarSucceeds() {
        String path = "/api/v1/evaluators/" + data.evaluator();

        admin().header("If-Match", "*").delete(path).then().statusCode(204);

        assertProblem(given().get(path), 404, "Resource not found", path);
    }

    @Test
    void ifMatchOnAnAssessmentThatDoesNotExistYetIsA412AndCreatesNothing() {
        String plan = data.planWithMeasures(2);
        long evaluation = data.evaluation(plan, data.evaluator(), "2150-01-01", Map.of(1, "IMPLEMENTED"));
        String path = "/api/v1/evaluations/" + evaluation + "/assessments/2";

        assertProblem(
                json(admin().header("If-Match", "*"), Map.of("status", "IMPLEMENTED"))
                        .put(path),
                412,
                "Precondition failed",
                path);
        assertProblem(
                json(
                                admin().header(
                                                "If-Match",
                                                etag("/api/v1/evaluations/" + evaluation + "/assessments/1")),
                                Map.of("status", "IMPLEMENTED"))
                        .put(path),
                412,
                "Precondition failed",
                path);

        assertProblem(given().get(path), 404, "Resource not found", path);
        given().get("/api/v1/plans/" + plan + "/measures/2").then().body("status", equalTo("NOT_ASSESSED"));
    }

    @Test
    void anEtagIsTheResourcesOwnAndChangesWithIt() {
        String plan = data.planWithMeasures(2);
        String first = "/api/v1/plans/" + plan + "/measures/1";
        String second = "/api/v1/plans/" + plan + "/measures/2";

        // the ETag of another resource is not the current one of this resource
        assertProblem(
                json(admin().header("If-Match", etag(second)), Map.of("number", 1, "axis", 1, "title", "x"))
                        .put(first),
                412,
                "Precondition failed",
                first);

        // a measure's representation includes its status, so a new evaluation makes a read ETag stale
        String before = etag(first);
        data.evaluation(plan, data.evaluator(), "2150-01-01", Map.of(1, "IMPLEMENTED"));
        assertProblem(
                json(admin().header("If-Match", before), Map.of("number", 1, "axis", 1, "title", "x"))
                        .put(first),
                412,
                "Precondition failed",
                first);
    }
}
