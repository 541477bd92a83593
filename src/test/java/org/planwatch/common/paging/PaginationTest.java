package org.planwatch.common.paging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class PaginationTest {

    private static final String MEASURES = "/api/v1/plans/2019-2021/measures";
    private static final String AXES = "/api/v1/plans/2019-2021/axes";
    private static final String EVALUATORS = "/api/v1/evaluators";
    private static final Pattern NEXT_LINK = Pattern.compile("^<([^>]+)>;\\s*rel=\"next\"$");
    private static final int MAX_PAGES = 50;

    /** One page as received: the items' keys, its nextCursor and the URL of its Link header. */
    record ReceivedPage(List<Object> keys, String nextCursor, String link) {}

    /**
     * Reads a list page by page from {@code params}, passing each nextCursor back as {@code cursor},
     * and checks on the way that every Link header names the same next page as the nextCursor.
     */
    private static List<ReceivedPage> walkByCursor(String path, String key, Map<String, List<Object>> params) {
        List<ReceivedPage> pages = new ArrayList<>();
        String cursor = null;
        do {
            var request = given();
            params.forEach((name, values) -> request.queryParam(name, values.toArray()));
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.get(path);
            response.then().statusCode(200);
            ReceivedPage page =
                    new ReceivedPage(response.path("items." + key), response.path("nextCursor"), nextLinkOf(response));
            if (page.nextCursor() == null) {
                response.then().body("$", hasEntry(equalTo("nextCursor"), nullValue()));
                assertEquals(null, page.link(), "a last page has no Link header");
            } else {
                assertLinkPointsAt(page.link(), path, params, page.nextCursor());
            }
            pages.add(page);
            cursor = page.nextCursor();
            assertTrue(pages.size() <= MAX_PAGES, "the cursor never ends");
        } while (cursor != null);
        return pages;
    }

    /** The same walk, following the Link headers only. */
    private static List<Object> walkByLink(String firstUrl, String key) {
        List<Object> keys = new ArrayList<>();
        String url = firstUrl;
        for (int pages = 1; url != null; pages++) {
            assertTrue(pages <= MAX_PAGES, "the Link headers never end");
            Response response = given().urlEncodingEnabled(false).get(url);
            response.then().statusCode(200);
            keys.addAll(response.path("items." + key));
            url = nextLinkOf(response);
        }
        return keys;
    }

    private static String nextLinkOf(Response response) {
        List<String> links = response.headers().getValues("Link");
        if (links.isEmpty()) {
            return null;
        }
        assertEquals(1, links.size(), "one Link header: " + links);
        Matcher matcher = NEXT_LINK.matcher(links.get(0));
        assertTrue(matcher.matches(), "Link header is <url>; rel=\"next\": " + links.get(0));
        return matcher.group(1);
    }

    /** The Link URL is this list's path with the same parameters and the page's nextCursor as cursor. */
    private static void assertLinkPointsAt(
            String link, String path, Map<String, List<Object>> params, String nextCursor) {
        assertNotNull(link, "a page with a nextCursor has a Link header");
        URI uri = URI.create(link);
        assertEquals(path, uri.getPath(), "Link path");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        params.forEach((name, values) ->
                expected.put(name, values.stream().map(String::valueOf).toList()));
        expected.put("cursor", List.of(nextCursor));
        assertEquals(expected, queryOf(uri), "Link query parameters");
    }

    private static Map<String, List<String>> queryOf(URI uri) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.computeIfAbsent(decode(parts[0]), k -> new ArrayList<>())
                    .add(parts.length > 1 ? decode(parts[1]) : "");
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static List<Object> keysOf(List<ReceivedPage> pages) {
        return pages.stream().flatMap(p -> p.keys().stream()).toList();
    }

    private static List<Object> oneTo(int last) {
        return IntStream.rangeClosed(1, last).boxed().map(Object.class::cast).toList();
    }

    @Test
    void walkingMeasuresSevenAtATimeGivesAll45OnceInOrder() {
        List<ReceivedPage> pages = walkByCursor(MEASURES, "number", Map.of("limit", List.of(7)));

        assertEquals(7, pages.size());
        pages.subList(0, 6).forEach(page -> assertEquals(7, page.keys().size(), "a page before the last is full"));
        assertEquals(List.of(43, 44, 45), pages.get(6).keys());
        assertEquals(oneTo(45), keysOf(pages));
    }

    @Test
    void followingTheLinkHeadersGivesTheSameMeasures() {
        String first =
                given().queryParam("limit", 7).get(MEASURES).then().extract().header("Link");
        assertNotNull(first);
        List<Object> keys =
                new ArrayList<>(given().queryParam("limit", 7).get(MEASURES).path("items.number"));
        Matcher matcher = NEXT_LINK.matcher(first);
        assertTrue(matcher.matches());
        keys.addAll(walkByLink(matcher.group(1), "number"));
        assertEquals(oneTo(45), keys);
    }

    @Test
    void theLastPageHasNeitherNextCursorNorLink() {
        String cursorAfter42 = walkByCursor(MEASURES, "number", Map.of("limit", List.of(7)))
                .get(5)
                .nextCursor();
        given().queryParam("limit", 7)
                .queryParam("cursor", cursorAfter42)
                .get(MEASURES)
                .then()
                .statusCode(200)
                .body("$", hasEntry(equalTo("nextCursor"), nullValue()))
                .header("Link", nullValue());
    }

    @Test
    void aPageExactlyAsLongAsWhatIsLeftIsTheLast() {
        given().queryParam("limit", 45)
                .get(MEASURES)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(45))
                .body("$", hasEntry(equalTo("nextCursor"), nullValue()))
                .header("Link", nullValue());
        List<ReceivedPage> pages = walkByCursor(MEASURES, "number", Map.of("limit", List.of(15)));
        assertEquals(3, pages.size());
    }

    @Test
    void paginationKeepsTheStatusFilter() {
        List<ReceivedPage> pages = walkByCursor(
                MEASURES, "number", Map.of("status", List.of("PARTIALLY_IMPLEMENTED"), "limit", List.of(5)));
        assertEquals(6, pages.size());
        assertEquals(
                List.of(
                        1, 3, 5, 6, 7, 8, 9, 13, 15, 17, 18, 19, 20, 21, 22, 23, 25, 26, 28, 30, 31, 32, 33, 34, 36, 41,
                        42, 44),
                keysOf(pages));
    }

    @Test
    void paginationKeepsCombinedFilters() {
        Map<String, List<Object>> params = new LinkedHashMap<>();
        params.put("axis", List.of(3));
        params.put("status", List.of("PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED"));
        params.put("limit", List.of(4));
        List<ReceivedPage> pages = walkByCursor(MEASURES, "number", params);
        assertEquals(
                List.of(List.of(20, 21, 22, 23), List.of(24, 25, 26, 27), List.of(28, 29, 30)),
                pages.stream().map(ReceivedPage::keys).toList());
    }

    @Test
    void paginationKeepsAnAccentedSearch() {
        Map<String, List<Object>> params = new LinkedHashMap<>();
        params.put("q", List.of("traite êtres"));
        params.put("limit", List.of(2));
        List<ReceivedPage> pages = walkByCursor(MEASURES, "number", params);
        assertEquals(List.of(6, 8, 10, 13, 21, 34, 40), keysOf(pages));

        String first = given().queryParam("q", "traite êtres")
                .queryParam("limit", 2)
                .get(MEASURES)
                .then()
                .extract()
                .header("Link");
        Matcher matcher = NEXT_LINK.matcher(first);
        assertTrue(matcher.matches());
        assertEquals(List.of(10, 13, 21, 34, 40), walkByLink(matcher.group(1), "number"));
    }

    @Test
    void evaluatorsComeOneAtATimeBySlug() {
        List<ReceivedPage> pages = walkByCursor(EVALUATORS, "slug", Map.of("limit", List.of(1)));
        assertEquals(
                List.of(List.of("cncdh"), List.of("collectif-ensemble-contre-la-traite")),
                pages.stream().map(ReceivedPage::keys).toList());
    }

    @Test
    void axesComeFourThenTwo() {
        List<ReceivedPage> pages = walkByCursor(AXES, "number", Map.of("limit", List.of(4)));
        assertEquals(
                List.of(List.of(1, 2, 3, 4), List.of(5, 6)),
                pages.stream().map(ReceivedPage::keys).toList());
    }

    @Test
    void plansAndEvaluationsFitOnOnePageOfOne() {
        assertEquals(
                List.of(List.of("2019-2021")),
                walkByCursor("/api/v1/plans", "slug", Map.of("limit", List.of(1))).stream()
                        .map(ReceivedPage::keys)
                        .toList());
        assertEquals(
                1,
                walkByCursor("/api/v1/plans/2019-2021/evaluations", "id", Map.of("limit", List.of(1)))
                        .size());
    }

    static Stream<String> lists() {
        return Stream.of("/api/v1/plans", AXES, MEASURES, EVALUATORS, "/api/v1/plans/2019-2021/evaluations");
    }

    static Stream<Arguments> badLimits() {
        return lists().flatMap(path -> Stream.of("0", "201", "-1", "abc", "1.5", "")
                .filter(v -> !v.isEmpty())
                .map(limit -> Arguments.of(path, limit)));
    }

    @ParameterizedTest(name = "{0}?limit={1}")
    @MethodSource("badLimits")
    void aLimitOutside1To200IsA400NamingLimit(String path, String limit) {
        assertProblem(given().queryParam("limit", limit).get(path), 400, "Invalid parameter", path)
                .body("errors.field", hasItem("limit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void limitsOf1And200AreAccepted(String path) {
        given().queryParam("limit", 1).get(path).then().statusCode(200);
        given().queryParam("limit", 200)
                .get(path)
                .then()
                .statusCode(200)
                .body("$", hasEntry(equalTo("nextCursor"), nullValue()));
    }

    static Stream<Arguments> garbageCursors() {
        Stream<Arguments> anyList = lists().flatMap(path ->
                Stream.of("garbage", "!!!", "eyJrIjoiMjAifQ").map(cursor -> Arguments.of(path, cursor)));
        // "djE6" is "v1:" with no key and "djE6YWJj" is "v1:abc": well-formed, but no number or date key
        // (slug-keyed lists take any text as a position in slug order, so they are left out here)
        Stream<Arguments> numberOrDateKeyed = Stream.of(AXES, MEASURES, "/api/v1/plans/2019-2021/evaluations")
                .flatMap(path -> Stream.of("djE6", "djE6YWJj").map(cursor -> Arguments.of(path, cursor)));
        return Stream.concat(anyList, numberOrDateKeyed);
    }

    @ParameterizedTest(name = "{0}?cursor={1}")
    @MethodSource("garbageCursors")
    void aCursorTheApiDidNotIssueIsA400NamingCursor(String path, String cursor) {
        assertProblem(given().queryParam("cursor", cursor).get(path), 400, "Invalid parameter", path)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void aMeasuresCursorIsRejectedByTheEvaluationsList() {
        String path = "/api/v1/plans/2019-2021/evaluations";
        String measuresCursor = given().queryParam("limit", 1).get(MEASURES).path("nextCursor");
        assertProblem(given().queryParam("cursor", measuresCursor).get(path), 400, "Invalid parameter", path)
                .body("errors.field", hasItem("cursor"));
    }
}
