package org.planwatch.common.db;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planwatch.Api;
import org.planwatch.TestData;

/**
 * Reads are a fixed number of statements, whatever the number of rows (no N+1). Each budget is what
 * the endpoint needs today, named in the comment: one statement more is a per-row query (a plan has
 * 6 axes and 45 measures, so a per-row query on the lists with more than one row also breaks the
 * limit=1 / limit=200 equality).
 */
@QuarkusTest
@TestProfile(StatementCountTest.WithoutCache.class)
class StatementCountTest {

    /** Counts the database path: with the response cache on, repeated reads would not reach the database at all. */
    public static class WithoutCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planwatch.cache.enabled", "false");
        }
    }

    @Inject
    SessionFactory sessionFactory;

    private int evaluation;

    @BeforeEach
    void findTheEvaluation() {
        evaluation = given().get("/api/v1/plans/2019-2021/evaluations")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }

    /** The statements Hibernate prepared while answering one GET. */
    private long statementsFor(String path) {
        Statistics statistics = sessionFactory.getStatistics();
        assertTrue(statistics.isStatisticsEnabled(), "Hibernate statistics are on in the test profile");
        statistics.clear();
        given().urlEncodingEnabled(false).get(path).then().statusCode(200);
        long count = statistics.getPrepareStatementCount();
        assertTrue(count >= 1, "the statistics saw the statements of " + path);
        return count;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // page of plans | axis counts of those plans | their latest evaluations
                "/api/v1/plans?                                                   | 3",
                // plan | axis counts
                "/api/v1/plans/2019-2021/axes?                                    | 2",
                // page of measures with axis, status and each evaluator's latest status, the plan found by its slug
                "/api/v1/plans/2019-2021/measures?                                | 1",
                "/api/v1/plans/2019-2021/measures?q=traite&status=PARTIALLY_IMPLEMENTED&status=NOT_IMPLEMENTED& | 1",
                "/api/v1/plans/2019-2021/measures?asOf=2023-06-30&                | 1",
                // the axis is only checked against the plan when the page comes out empty
                "/api/v1/plans/2019-2021/measures?axis=3&                         | 1",
                // the overdue and lead filters are conditions of that same statement
                "/api/v1/plans/2019-2021/measures?overdue=false&                  | 1",
                "/api/v1/plans/2019-2021/measures?overdue=false&asOf=2023-06-30&  | 1",
                // page of evaluators
                "/api/v1/evaluators?                                              | 1",
                // plan | page of evaluations with evaluator and assessment count
                "/api/v1/plans/2019-2021/evaluations?                             | 2"
            })
    void aListTakesAsManyStatementsForOneRowAsForAll(String path, int budget) {
        long one = statementsFor(path + "limit=1");
        long all = statementsFor(path + "limit=200");
        assertEquals(one, all, path + " with limit=1 and limit=200");
        assertTrue(all <= budget, path + " took " + all + " statements, budget " + budget);
    }

    /**
     * A lineage is one statement whatever the chain's length: here four plans, each taking up the one before. A page
     * of measures that take others up is two (the page, then the measures they take up), for one of them as for all.
     */
    @Test
    void aLineageIsOneStatementWhateverTheChainsLength() {
        TestData data = new TestData();
        try {
            String previous = "2019-2021";
            int number = 16;
            TreeSet<Integer> years = new TreeSet<>(); // each plan starts after the one it takes up
            while (years.size() < 3) {
                years.add(data.freeStartYear(0));
            }
            for (int i = 0; i < 3; i++) {
                int start = years.pollFirst();
                Map<String, Object> body = TestData.planBody(start, start, "Plan de test " + i);
                body.put(
                        "axes",
                        List.of(Map.of(
                                "number",
                                1,
                                "title",
                                "Axe",
                                "measures",
                                List.of(Map.of(
                                        "number",
                                        i + 1,
                                        "title",
                                        "Mesure reprise",
                                        "continues",
                                        Map.of("plan", previous, "number", number))))));
                Api.json(Api.admin(), body).post("/api/v1/plans").then().statusCode(201);
                previous = start + "-" + start;
                // deleted newest first: a plan another one takes up cannot be deleted before it
                data.deletePlanAfterwards(previous);
                number = i + 1;
            }
            String path = "/api/v1/plans/" + previous + "/measures/" + number + "/lineage";
            given().get(path).then().statusCode(200).body("chain.size()", equalTo(4));
            assertEquals(1, statementsFor(path), path);
            assertEquals(1, statementsFor("/api/v1/plans/2019-2021/measures/16/lineage"));
            String measures = "/api/v1/plans/" + previous + "/measures";
            given().get(measures).then().body("items[0].continues.number", equalTo(number - 1));
            assertEquals(2, statementsFor(measures + "?limit=1"), measures);
            assertEquals(2, statementsFor(measures + "?limit=200"), measures);
            // the measure, with the one it takes up | its assessments
            assertEquals(3, statementsFor(measures + "/" + number), measures + "/" + number);
        } finally {
            data.cleanUp();
        }
    }

    @Test
    void detailsStayWithinTheirBudget() {
        record Endpoint(String path, int budget) {}
        List<Endpoint> endpoints = List.of(
                // plan | axis counts | latest evaluation
                new Endpoint("/api/v1/plans/2019-2021", 3),
                // plan | axis counts
                new Endpoint("/api/v1/plans/2019-2021/axes/3", 2),
                // measure with axis, status, evaluator statuses, the measure it continues and those that continue it |
                // assessments with evaluation, evaluator and evidence
                new Endpoint("/api/v1/plans/2019-2021/measures/16", 2),
                // the chain, walked up and down by one recursive statement
                new Endpoint("/api/v1/plans/2019-2021/measures/16/lineage", 1),
                new Endpoint("/api/v1/plans/2019-2021/measures/16/lineage?asOf=2023-06-30", 1),
                // an empty page: the page, then the plan, to tell an empty answer from an unknown plan
                new Endpoint("/api/v1/plans/2019-2021/measures?q=zzzz", 2),
                // evaluator
                new Endpoint("/api/v1/evaluators/cncdh", 1),
                // evaluation with evaluator and plan | its 45 assessments with measure and axis | their evidence
                new Endpoint("/api/v1/evaluations/" + evaluation, 3),
                // plan | counts per axis at each evaluation date | the evaluations
                new Endpoint("/api/v1/plans/2019-2021/progress/history", 3),
                // axis counts as of a date, the plan found by its slug
                new Endpoint("/api/v1/plans/2019-2021/progress?asOf=2023-06-30", 1),
                // axis counts
                new Endpoint("/api/v1/plans/2019-2021/progress", 1),
                // plan | evaluation | axis counts
                new Endpoint("/api/v1/plans/2019-2021/progress?evaluation=" + evaluation, 3));
        for (Endpoint endpoint : endpoints) {
            long count = statementsFor(endpoint.path());
            assertTrue(
                    count <= endpoint.budget(),
                    endpoint.path() + " took " + count + " statements, budget " + endpoint.budget());
        }
    }
}
