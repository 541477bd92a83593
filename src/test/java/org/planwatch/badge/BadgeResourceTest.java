package org.planwatch.badge;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@QuarkusTest
class BadgeResourceTest {

    private static final String PLAN = "/api/v1/plans/2019-2021";

    @Test
    void thePlanBadgeCountsWhatTheApiCounts() throws Exception {
        Document svg = badge(PLAN + "/badge.svg");
        assertEquals(
                List.of(
                        "2019-2021",
                        counts(given().get(PLAN).then().extract().jsonPath().getList("progress.statuses"))),
                texts(svg));
        assertEquals(List.of("2019-2021", "✓ 3 · ◐ 28 · ✗ 14"), texts(svg));
        assertEquals(
                "plan 2019-2021 : 3 réalisées, 28 partiellement réalisées, 14 non réalisées sur 45 mesures",
                title(svg));
    }

    @Test
    void anAxisBadgeCountsItsMeasures() throws Exception {
        Document svg = badge(PLAN + "/axes/3/badge.svg");
        assertEquals(
                List.of(
                        "axe 3",
                        counts(given().get(PLAN + "/axes/3")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("progress.statuses"))),
                texts(svg));
        assertEquals(List.of("axe 3", "✓ 0 · ◐ 8 · ✗ 3"), texts(svg));
        assertTrue(title(svg).contains("Protéger et accompagner les victimes"), title(svg));
    }

    @Test
    void aMeasureBadgeShowsItsCurrentStatusInEitherLanguage() throws Exception {
        assertEquals(List.of("mesure 16", "✗ Non réalisée"), texts(badge(PLAN + "/measures/16/badge.svg")));
        Document english = badge(PLAN + "/measures/16/badge.svg?lang=en");
        assertEquals(List.of("measure 16", "✗ Not implemented"), texts(english));
        assertTrue(title(english).startsWith("Measure 16 (plan 2019-2021) : Not implemented"), title(english));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/plans/1999-2000/badge.svg",
                PLAN + "/axes/9/badge.svg",
                PLAN + "/measures/99/badge.svg",
                "/api/v1/plans/1999-2000/measures/1/badge.svg"
            })
    void anUnknownPlanAxisOrMeasureIsA404Problem(String path) {
        assertProblem(given().get(path), 404, "Resource not found", path);
    }

    @Test
    void anUnknownLanguageIsA400() {
        assertProblem(given().get(PLAN + "/badge.svg?lang=de"), 400, "Invalid parameter", PLAN + "/badge.svg");
    }

    private static Document badge(String path) throws Exception {
        Response response = given().get(path);
        response.then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .header("Cache-Control", "public, max-age=300, stale-while-revalidate=300");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI());
        assertEquals("img", svg.getDocumentElement().getAttribute("role"));
        return svg;
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS("*", "text");
        return IntStream.range(0, nodes.getLength())
                .mapToObj(i -> nodes.item(i).getTextContent())
                .toList();
    }

    private static String title(Document svg) {
        return svg.getElementsByTagNameNS("*", "title").item(0).getTextContent();
    }

    /** "✓ 3 · ◐ 28 · ✗ 14" from the API's counts (not assessed only when there are some). */
    private static String counts(List<Map<String, Object>> statuses) {
        Map<String, String> icons =
                Map.of("IMPLEMENTED", "✓", "PARTIALLY_IMPLEMENTED", "◐", "NOT_IMPLEMENTED", "✗", "NOT_ASSESSED", "?");
        return statuses.stream()
                .filter(s -> !s.get("status").equals("NOT_ASSESSED") || ((Number) s.get("count")).intValue() > 0)
                .map(s -> icons.get(s.get("status")) + " " + s.get("count"))
                .collect(Collectors.joining(" · "));
    }
}
