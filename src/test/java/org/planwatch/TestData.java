package org.planwatch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.json;

import io.restassured.response.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The data one test writes: its own plans, evaluators and API keys, created through the API with
 * the administrator key and deleted again (cascading) after the test, so that the shipped dataset
 * and the other tests never see them. Use one instance per test and call {@link #cleanUp()} in
 * an {@code @AfterEach}.
 */
public final class TestData {

    public static final String PLANS = "/api/v1/plans";

    /** An API key as created: its id and its secret. */
    public record Key(long id, String secret) {}

    private final Deque<Runnable> cleanups = new ArrayDeque<>();

    /** A new empty plan with a random period that no other plan has. */
    public String plan() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(2100, 2190);
            Map<String, Object> body =
                    planBody(start, start + ThreadLocalRandom.current().nextInt(0, 10), "Plan de test");
            Response response = json(admin(), body).post(PLANS);
            if (response.statusCode() == 409) {
                continue;
            }
            response.then().statusCode(201);
            String slug = response.path("slug");
            deletePlanAfterwards(slug);
            return slug;
        }
        throw new AssertionError("no free plan period found");
    }

    /**
     * The start year of a period of {@code length} years that no plan has, for a test that creates the
     * plan itself; that plan is deleted after the test.
     */
    public int freeStartYear(int length) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(2100, 2190);
            String slug = start + "-" + (start + length);
            if (given().get(PLANS + "/" + slug).statusCode() == 404) {
                deletePlanAfterwards(slug);
                return start;
            }
        }
        throw new AssertionError("no free plan period found");
    }

    /** A plan with axes 1 and 2, measures 1 to {@code measures} on axis 1 and none on axis 2. */
    public String planWithMeasures(int measures) {
        String plan = plan();
        axis(plan, 1);
        axis(plan, 2);
        for (int n = 1; n <= measures; n++) {
            measure(plan, n, 1);
        }
        return plan;
    }

    public static Map<String, Object> planBody(int startYear, int endYear, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startYear", startYear);
        body.put("endYear", endYear);
        body.put("title", title);
        body.put("presentedOn", startYear + "-01-15");
        body.put("source", source("Plan publié", "https://www.example.fr/plan"));
        return body;
    }

    public static Map<String, Object> source(String title, String url) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("title", title);
        source.put("url", url);
        return source;
    }

    public void axis(String plan, int number) {
        json(admin(), Map.of("number", number, "title", "Axe " + number))
                .post(PLANS + "/" + plan + "/axes")
                .then()
                .statusCode(201);
    }

    public void measure(String plan, int number, int axis) {
        json(admin(), Map.of("number", number, "axis", axis, "title", "Mesure " + number))
                .post(PLANS + "/" + plan + "/measures")
                .then()
                .statusCode(201);
    }

    /** A new evaluator with a random slug. */
    public String evaluator() {
        String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
        json(admin(), evaluatorBody(slug, "Évaluateur " + slug, "CIVIL_SOCIETY"))
                .post("/api/v1/evaluators")
                .then()
                .statusCode(201);
        deleteAfterwards("/api/v1/evaluators/" + slug + "?cascade=true");
        return slug;
    }

    public static Map<String, Object> evaluatorBody(String slug, String name, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", name);
        body.put("shortName", slug.toUpperCase());
        body.put("kind", kind);
        return body;
    }

    /** A new EVALUATOR key of this evaluator, revoked after the test. */
    public Key key(String evaluator) {
        return key(Map.of("name", "clé " + evaluator, "role", "EVALUATOR", "evaluator", evaluator));
    }

    /** A new ADMIN key, revoked after the test. */
    public Key adminKey() {
        return key(Map.of("name", "clé d'administration de test", "role", "ADMIN"));
    }

    /** A new SUBSCRIBER key (an association's, for its webhook subscriptions), revoked after the test. */
    public Key subscriberKey() {
        return key(Map.of("name", "clé d'une association abonnée", "role", "SUBSCRIBER"));
    }

    private Key key(Map<String, Object> body) {
        Response response = json(admin(), body).post("/api/v1/api-keys");
        response.then().statusCode(201);
        Key key = new Key(response.jsonPath().getLong("apiKey.id"), response.path("key"));
        cleanups.push(() -> {
            int status = admin().delete("/api/v1/api-keys/" + key.id()).statusCode();
            // 404: the key went with its evaluator
            assertTrue(status == 204 || status == 404, "revoking API key " + key.id() + " answered " + status);
        });
        return key;
    }

    /** An evaluation recorded by the administrator; it goes with its plan. Returns its id. */
    public long evaluation(String plan, String evaluator, String date, Map<Integer, String> statuses) {
        return json(admin(), evaluationBody(evaluator, date, statuses))
                .post(PLANS + "/" + plan + "/evaluations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static Map<String, Object> evaluationBody(String evaluator, String date, Map<Integer, String> statuses) {
        List<Map<String, Object>> assessments = new ArrayList<>();
        statuses.forEach((measure, status) -> assessments.add(Map.of("measure", measure, "status", status)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluator", evaluator);
        body.put("title", "Évaluation du " + date);
        body.put("date", date);
        body.put("source", source("Rapport d'évaluation", "https://www.example.fr/rapport"));
        body.put("assessments", assessments);
        return body;
    }

    /**
     * Deletes this plan and everything in it after the test, unless it is gone already. Its evaluations
     * are deleted one by one first: a cascading delete of a plan that has evaluations fails (see
     * DeleteWithDependentsTest), and a plan left behind would break the tests of the shipped dataset.
     */
    public void deletePlanAfterwards(String slug) {
        cleanups.push(() -> {
            if (given().get(PLANS + "/" + slug).statusCode() == 404) {
                return;
            }
            for (Map<String, Object> evaluation : Api.all(PLANS + "/" + slug + "/evaluations")) {
                int status = admin().header("If-Match", "*")
                        .delete("/api/v1/evaluations/" + evaluation.get("id"))
                        .statusCode();
                assertTrue(
                        status == 204 || status == 404,
                        "cleaning up evaluation " + evaluation.get("id") + " answered " + status);
            }
            int status = admin().header("If-Match", "*")
                    .queryParam("cascade", true)
                    .delete(PLANS + "/" + slug)
                    .statusCode();
            assertTrue(status == 204 || status == 404, "cleaning up plan " + slug + " answered " + status);
        });
    }

    /** Deletes this resource with the administrator key after the test, unless it is gone already. */
    public void deleteAfterwards(String pathAndQuery) {
        cleanups.push(() -> {
            int status = admin().header("If-Match", "*").delete(pathAndQuery).statusCode();
            assertTrue(status == 204 || status == 404, "cleaning up " + pathAndQuery + " answered " + status);
        });
    }

    /** Removes everything this test created, newest first; fails after trying all when one removal failed. */
    public void cleanUp() {
        List<Throwable> failures = new ArrayList<>();
        while (!cleanups.isEmpty()) {
            try {
                cleanups.pop().run();
            } catch (Throwable t) {
                failures.add(t);
            }
        }
        if (!failures.isEmpty()) {
            fail("cleaning up failed: " + failures);
        }
    }
}
