package org.planwatch.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Atom feed of status changes, on a plan and an evaluator of the test's own (created, then
 * deleted), so that the shipped data stays as it is.
 */
@QuarkusTest
class AtomFeedTest {

    private static final String ADMIN = "Bearer test-admin-key-that-is-only-used-by-the-test-suite";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String PLAN = "2001-2003";
    private static final String EVALUATOR = "atom-feed-test";

    @Test
    void theFeedListsTheStatusChangesOfAPlanAnAxisAndAnEvaluator() throws Exception {
        post(
                "/api/v1/evaluators",
                Map.of(
                        "slug",
                        EVALUATOR,
                        "name",
                        "Évaluateur du test du fil Atom",
                        "shortName",
                        "ATOM",
                        "kind",
                        "CIVIL_SOCIETY"));
        try {
            post(
                    "/api/v1/plans",
                    Map.of(
                            "startYear",
                            2001,
                            "endYear",
                            2003,
                            "title",
                            "Plan du test du fil Atom",
                            "source",
                            Map.of("title", "Source du test", "url", "https://example.org/plan")));
            try {
                post("/api/v1/plans/" + PLAN + "/axes", Map.of("number", 1, "title", "Premier axe"));
                post("/api/v1/plans/" + PLAN + "/axes", Map.of("number", 2, "title", "Second axe"));
                post("/api/v1/plans/" + PLAN + "/measures", Map.of("number", 1, "axis", 1, "title", "Première mesure"));
                post("/api/v1/plans/" + PLAN + "/measures", Map.of("number", 2, "axis", 2, "title", "Deuxième mesure"));
                post(
                        "/api/v1/plans/" + PLAN + "/measures",
                        Map.of("number", 3, "axis", 1, "title", "Troisième mesure"));
                evaluation(
                        "2002-01-01",
                        List.of(
                                Map.of("measure", 1, "status", "NOT_IMPLEMENTED"),
                                Map.of("measure", 2, "status", "NOT_IMPLEMENTED")));
                evaluation(
                        "2003-01-01",
                        List.of(
                                Map.of("measure", 1, "status", "IMPLEMENTED"),
                                Map.of("measure", 3, "status", "PARTIALLY_IMPLEMENTED")));

                List<Element> all = entries(feed("plan=" + PLAN));
                assertEquals(
                        List.of(
                                "Mesure 3 (2001-2003) : Non évaluée → Partiellement réalisée",
                                "Mesure 1 (2001-2003) : Non réalisée → Réalisée",
                                "Mesure 2 (2001-2003) : Non évaluée → Non réalisée",
                                "Mesure 1 (2001-2003) : Non évaluée → Non réalisée"),
                        all.stream().map(e -> text(e, "title")).toList());
                Element newest = all.get(0);
                assertTrue(
                        text(newest, "summary")
                                .startsWith("Troisième mesure – évaluation du 2003-01-01 (atom-feed-test)"),
                        text(newest, "summary"));
                assertTrue(
                        link(newest, "alternate").endsWith("/plans/2001-2003/measures/3"), link(newest, "alternate"));
                assertEquals(4, all.stream().map(e -> text(e, "id")).distinct().count());

                assertEquals(List.of("3", "1", "1"), numbers(entries(feed("plan=" + PLAN + "&axis=1"))));
                assertEquals(
                        List.of("3", "1", "2", "1"),
                        numbers(entries(feed("plan=" + PLAN + "&evaluator=" + EVALUATOR))));
                assertEquals(
                        0, entries(feed("plan=" + PLAN + "&evaluator=nobody")).size());

                // the dashboard draws the plan's progress over its two evaluation dates
                given().get("/plans/" + PLAN).then().statusCode(200).body(containsString("<svg class=\"history\""));
            } finally {
                // evaluations first: deleting a plan together with its evaluations (cascade) answers 500 at the moment
                for (Object id : given().get("/api/v1/plans/" + PLAN + "/evaluations")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.id")) {
                    String evaluation = "/api/v1/evaluations/" + id;
                    given().header("Authorization", ADMIN)
                            .header(
                                    "If-Match",
                                    given().get(evaluation).then().extract().header("ETag"))
                            .delete(evaluation)
                            .then()
                            .statusCode(204);
                }
                String etag =
                        given().get("/api/v1/plans/" + PLAN).then().extract().header("ETag");
                given().header("Authorization", ADMIN)
                        .header("If-Match", etag)
                        .delete("/api/v1/plans/" + PLAN + "?cascade=true")
                        .then()
                        .statusCode(204);
            }
        } finally {
            String etag = given().get("/api/v1/evaluators/" + EVALUATOR)
                    .then()
                    .extract()
                    .header("ETag");
            given().header("Authorization", ADMIN)
                    .header("If-Match", etag)
                    .delete("/api/v1/evaluators/" + EVALUATOR)
                    .then()
                    .statusCode(204);
        }
    }

    @Test
    void anAxisWithoutAPlanIsA400() {
        assertProblem(given().get("/feeds/changes.atom?axis=3"), 400, "Invalid parameter", "/feeds/changes.atom");
    }

    /** What the contract says of the filters: a plan's period, an evaluator's slug. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/feeds/changes.atom?plan=2019",
                "/feeds/changes.atom?evaluator=CNCDH",
                "/api/v1/changes?plan=2019-2021-x",
                "/api/v1/changes?plan=abcd-efgh"
            })
    void aMalformedPlanOrEvaluatorIsA400(String pathAndQuery) {
        String path = pathAndQuery.substring(0, pathAndQuery.indexOf('?'));
        assertProblem(given().get(pathAndQuery), 400, "Invalid parameter", path)
                .body("errors[0].field", equalTo(pathAndQuery.contains("evaluator") ? "evaluator" : "plan"));
    }

    @Test
    void anEmptyFeedIsStillValidAtom() throws Exception {
        Document feed = feed("plan=1999-2000");
        assertEquals(0, entries(feed).size());
        assertEquals(1, feed.getElementsByTagNameNS(ATOM, "updated").getLength());
    }

    private static void post(String path, Object body) {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(201);
    }

    private static void evaluation(String date, List<Map<String, Object>> assessments) {
        post(
                "/api/v1/plans/" + PLAN + "/evaluations",
                Map.of(
                        "evaluator",
                        EVALUATOR,
                        "title",
                        "Évaluation du " + date,
                        "date",
                        date,
                        "source",
                        Map.of("title", "Source", "url", "https://example.org/" + date),
                        "assessments",
                        assessments));
    }

    private static Document feed(String query) throws Exception {
        RequestSpecification request = given();
        byte[] body = request.get("/feeds/changes.atom?" + query)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/atom+xml"))
                .extract()
                .asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Element root = feed.getDocumentElement();
        assertEquals("feed", root.getLocalName());
        assertEquals(ATOM, root.getNamespaceURI());
        // Atom 1.0 requires a feed id, title, updated and an author (on the feed or on every entry)
        for (String required : List.of("id", "title", "updated", "author")) {
            assertTrue(root.getElementsByTagNameNS(ATOM, required).getLength() > 0, "feed without " + required);
        }
        return feed;
    }

    private static List<Element> entries(Document feed) {
        NodeList list = feed.getElementsByTagNameNS(ATOM, "entry");
        List<Element> entries = IntStream.range(0, list.getLength())
                .mapToObj(i -> (Element) list.item(i))
                .toList();
        for (Element entry : entries) {
            for (String required : List.of("id", "title", "updated")) {
                assertEquals(1, entry.getElementsByTagNameNS(ATOM, required).getLength(), "entry without " + required);
            }
        }
        return entries;
    }

    private static List<String> numbers(List<Element> entries) {
        return entries.stream()
                .map(e -> text(e, "title").replaceAll("^Mesure (\\d+).*", "$1"))
                .toList();
    }

    private static String text(Element entry, String name) {
        return entry.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }

    private static String link(Element entry, String rel) {
        NodeList links = entry.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (link.getAttribute("rel").equals(rel)) {
                return link.getAttribute("href");
            }
        }
        return "";
    }
}
