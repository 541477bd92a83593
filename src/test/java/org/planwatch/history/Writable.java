package org.planwatch.history;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.planwatch.TestData;

/**
 * The kinds of resource that are updated with PUT and If-Match: how to make one (in a plan or
 * evaluator of the test's own), and a valid update body that carries a given text, so that two
 * updates can be told apart.
 */
record Writable(
        String name, Function<TestData, String> create, BiFunction<String, String, Map<String, Object>> update) {

    @Override
    public String toString() {
        return name;
    }

    static Stream<Writable> all() {
        return Stream.of(
                new Writable("plan", data -> "/api/v1/plans/" + data.plan(), (path, text) -> {
                    String slug = path.substring(path.lastIndexOf('/') + 1);
                    return TestData.planBody(
                            Integer.parseInt(slug.substring(0, 4)), Integer.parseInt(slug.substring(5)), text);
                }),
                new Writable(
                        "axis",
                        data -> "/api/v1/plans/" + data.planWithMeasures(0) + "/axes/1",
                        (path, text) -> Map.of("number", 1, "title", text)),
                new Writable(
                        "measure",
                        data -> "/api/v1/plans/" + data.planWithMeasures(1) + "/measures/1",
                        (path, text) -> Map.of("number", 1, "axis", 1, "title", text)),
                new Writable(
                        "evaluator",
                        data -> "/api/v1/evaluators/" + data.evaluator(),
                        (path, text) -> TestData.evaluatorBody(
                                path.substring(path.lastIndexOf('/') + 1), text, "CIVIL_SOCIETY")),
                new Writable(
                        "evaluation",
                        data -> {
                            String plan = data.planWithMeasures(1);
                            return "/api/v1/evaluations/"
                                    + data.evaluation(plan, data.evaluator(), "2150-01-01", Map.of(1, "IMPLEMENTED"));
                        },
                        (path, text) -> Map.of(
                                "title",
                                text,
                                "date",
                                "2150-01-01",
                                "source",
                                TestData.source("Rapport", "https://www.example.fr/r"))),
                new Writable(
                        "assessment",
                        data -> {
                            String plan = data.planWithMeasures(1);
                            return "/api/v1/evaluations/"
                                    + data.evaluation(plan, data.evaluator(), "2150-01-01", Map.of(1, "IMPLEMENTED"))
                                    + "/assessments/1";
                        },
                        (path, text) -> Map.of("status", "IMPLEMENTED", "comment", text)));
    }

    /** Where the update's text shows in the resource. */
    String textField() {
        return switch (name) {
            case "evaluator" -> "name";
            case "assessment" -> "comment";
            default -> "title";
        };
    }
}
