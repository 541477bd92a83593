package org.planwatch.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.etag;
import static org.planwatch.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.Api;
import org.planwatch.TestData;

/**
 * The current statuses are kept by the database as assessments change (migration V7). After every kind of write,
 * in a seeded random sequence, the measure list and progress must say what the assessments say: the list is
 * compared with a model of the writes kept by this test, and with the same list "as of" a date after every
 * evaluation, which PostgreSQL computes from the assessments themselves.
 */
@QuarkusTest
class LatestStatusesKeptTest {

    private static final String[] STATUSES = {"IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED"};
    private static final String[] DATES = {"2160-01-10", "2160-06-01", "2161-03-15"}; // few, so that dates tie
    private static final int MEASURES = 5;

    private final TestData data = new TestData();

    /** What the test wrote: each evaluation's evaluator and date, and its assessments (measure to status). */
    private record Evaluation(long id, String evaluator, String date, Map<Integer, String> statuses) {}

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void everyKindOfWriteLeavesTheCurrentStatusesAsTheAssessmentsSay() {
        long seed = Long.getLong("planwatch.latest.seed", new Random().nextLong());
        Random random = new Random(seed);
        String plan = data.planWithMeasures(MEASURES);
        List<String> evaluators = List.of(data.evaluator(), data.evaluator(), data.evaluator());
        List<Evaluation> evaluations = new ArrayList<>();
        String measures = "/api/v1/plans/" + plan + "/measures";

        for (int step = 0; step < 40; step++) {
            String action = evaluations.isEmpty()
                    ? "create"
                    : switch (random.nextInt(6)) {
                        case 0, 1 -> "create";
                        case 2 -> "put assessment";
                        case 3 -> "delete assessment";
                        case 4 -> "move date";
                        default -> "delete evaluation";
                    };
            Evaluation target = evaluations.isEmpty() ? null : evaluations.get(random.nextInt(evaluations.size()));
            int measure = 1 + random.nextInt(MEASURES);
            String status = STATUSES[random.nextInt(STATUSES.length)];
            String date = DATES[random.nextInt(DATES.length)];
            switch (action) {
                case "create" -> {
                    Map<Integer, String> statuses = new TreeMap<>();
                    for (int m = 1; m <= MEASURES; m++) {
                        if (random.nextBoolean()) {
                            statuses.put(m, STATUSES[random.nextInt(STATUSES.length)]);
                        }
                    }
                    String evaluator = evaluators.get(random.nextInt(evaluators.size()));
                    evaluations.add(new Evaluation(
                            data.evaluation(plan, evaluator, date, statuses), evaluator, date, statuses));
                }
                case "put assessment" -> {
                    String path = "/api/v1/evaluations/" + target.id() + "/assessments/" + measure;
                    var request = json(admin(), Map.of("status", status));
                    if (target.statuses().containsKey(measure)) {
                        request.header("If-Match", etag(path));
                    }
                    request.put(path).then().statusCode(target.statuses().containsKey(measure) ? 200 : 201);
                    target.statuses().put(measure, status);
                }
                case "delete assessment" -> {
                    if (target.statuses().containsKey(measure)) {
                        String path = "/api/v1/evaluations/" + target.id() + "/assessments/" + measure;
                        admin().header("If-Match", etag(path))
                                .delete(path)
                                .then()
                                .statusCode(204);
                        target.statuses().remove(measure);
                    }
                }
                case "move date" -> {
                    String path = "/api/v1/evaluations/" + target.id();
                    json(
                                    admin(),
                                    Map.of(
                                            "title",
                                            "Évaluation déplacée",
                                            "date",
                                            date,
                                            "source",
                                            TestData.source("Rapport d'évaluation", "https://www.example.fr/rapport")))
                            .header("If-Match", etag(path))
                            .put(path)
                            .then()
                            .statusCode(200);
                    evaluations.set(
                            evaluations.indexOf(target),
                            new Evaluation(target.id(), target.evaluator(), date, target.statuses()));
                }
                default -> {
                    String path = "/api/v1/evaluations/" + target.id();
                    admin().header("If-Match", etag(path)).delete(path).then().statusCode(204);
                    evaluations.remove(target);
                }
            }

            String context =
                    "seed " + seed + " (replay: ./mvnw verify -Dtest=LatestStatusesKeptTest -Dplanwatch.latest.seed="
                            + seed + "), after step " + step + ": " + action;
            List<Map<String, Object>> listed = Api.all(measures);
            assertEquals(expected(evaluations), summary(listed), context);
            assertEquals(listed, Api.all(measures + "?asOf=2999-12-31"), context + " (as of a later date)");
            assertEquals(
                    Api.read("/api/v1/plans/" + plan + "/progress?asOf=2999-12-31"),
                    Api.read("/api/v1/plans/" + plan + "/progress"),
                    context + " (progress)");
        }
    }

    /** For each measure: its status, the evaluation it comes from, and each evaluator's latest status and evaluation. */
    private static Map<Integer, String> expected(List<Evaluation> evaluations) {
        Comparator<Evaluation> newestFirst = Comparator.comparing(Evaluation::date)
                .thenComparingLong(Evaluation::id)
                .reversed();
        Map<Integer, String> expected = new TreeMap<>();
        for (int measure = 1; measure <= MEASURES; measure++) {
            int m = measure;
            List<Evaluation> assessing = evaluations.stream()
                    .filter(e -> e.statuses().containsKey(m))
                    .sorted(newestFirst)
                    .toList();
            Map<String, Evaluation> byEvaluator = new HashMap<>();
            assessing.forEach(e -> byEvaluator.putIfAbsent(e.evaluator(), e));
            String perEvaluator = byEvaluator.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue().statuses().get(m) + "@"
                            + e.getValue().id())
                    .toList()
                    .toString();
            expected.put(
                    measure,
                    assessing.isEmpty()
                            ? "NOT_ASSESSED " + perEvaluator
                            : assessing.get(0).statuses().get(m) + "@"
                                    + assessing.get(0).id() + " " + perEvaluator);
        }
        return expected;
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, String> summary(List<Map<String, Object>> listed) {
        Map<Integer, String> summary = new TreeMap<>();
        for (Map<String, Object> item : listed) {
            Map<String, Object> source = (Map<String, Object>) item.get("statusSource");
            Map<String, String> perEvaluator = new LinkedHashMap<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) item.get("evaluatorStatuses")) {
                perEvaluator.put(
                        (String) ((Map<String, Object>) s.get("evaluator")).get("slug"),
                        s.get("status") + "@" + s.get("evaluationId"));
            }
            String perEvaluatorText = perEvaluator.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .toList()
                    .toString();
            summary.put(
                    (Integer) item.get("number"),
                    source == null
                            ? item.get("status") + " " + perEvaluatorText
                            : item.get("status") + "@" + source.get("evaluationId") + " " + perEvaluatorText);
        }
        return summary;
    }
}
