package org.planwatch.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped dataset against the source page, read by hand: measures-2019-2021.csv was built from a
 * plain-text copy of the Collectif's page (docs/dataset.md) with the transcription rules that page states
 * (measure N is the N-th of the page's list, the axes' number ranges, the four word fixes, double spaces
 * collapsed), never from the database.
 */
@QuarkusTest
class DatasetTest {

    private static final String PLAN = "/api/v1/plans/2019-2021";
    private static final String FIXTURE = "/dataset/measures-2019-2021.csv";

    record ExpectedMeasure(int number, int axis, String status, String title) {

        String asLine() {
            return number + ";" + axis + ";" + status + ";" + title;
        }
    }

    static List<ExpectedMeasure> fixture() {
        try (InputStream in = DatasetTest.class.getResourceAsStream(FIXTURE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(";", 4))
                    .map(c -> new ExpectedMeasure(Integer.parseInt(c[0]), Integer.parseInt(c[1]), c[2], c[3]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void fixtureHoldsMeasures1To45WithTheSourcePageTotals() {
        List<ExpectedMeasure> measures = fixture();
        assertEquals(
                IntStream.rangeClosed(1, 45).boxed().toList(),
                measures.stream().map(ExpectedMeasure::number).toList());
        Map<String, Long> totals = measures.stream()
                .collect(Collectors.groupingBy(ExpectedMeasure::status, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("IMPLEMENTED", 3L, "PARTIALLY_IMPLEMENTED", 28L, "NOT_IMPLEMENTED", 14L), totals);
    }

    @Test
    void everyMeasureHasTheNumberAxisTitleAndStatusOfTheSourcePage() {
        JsonPath page = given().queryParam("limit", 200)
                .get(PLAN + "/measures")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        List<String> served = items.stream()
                .map(m -> new ExpectedMeasure(
                                (Integer) m.get("number"),
                                (Integer) ((Map<?, ?>) m.get("axis")).get("number"),
                                (String) m.get("status"),
                                (String) m.get("title"))
                        .asLine())
                .toList();
        assertEquals(fixture().stream().map(ExpectedMeasure::asLine).toList(), served);
    }

    @ParameterizedTest(name = "measure {0}")
    @CsvFileSource(resources = FIXTURE, delimiter = ';', numLinesToSkip = 1)
    void eachMeasureDetailAgreesWithTheSourcePage(int number, int axis, String status, String title) {
        given().get(PLAN + "/measures/" + number)
                .then()
                .statusCode(200)
                .body("plan", equalTo("2019-2021"))
                .body("number", equalTo(number))
                .body("axis.number", equalTo(axis))
                .body("title", equalTo(title))
                .body("status", equalTo(status))
                .body("assessments", hasSize(1))
                .body("assessments[0].status", equalTo(status))
                .body("assessments[0].evaluation.date", equalTo("2023-01-12"))
                .body("assessments[0].evaluation.evaluator.slug", equalTo("cncdh"));
    }

    @Test
    void planTotalsAre3Implemented28Partially14NotImplemented() {
        given().get(PLAN)
                .then()
                .statusCode(200)
                .body("measureCount", equalTo(45))
                .body("progress.measureCount", equalTo(45))
                .body(
                        "progress.statuses.status",
                        contains("IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED", "NOT_ASSESSED"))
                .body("progress.statuses.count", contains(3, 28, 14, 0));
    }

    @ParameterizedTest(name = "axis {0}: {1}/{2}/{3}")
    @CsvSource({"1, 0, 7, 5", "2, 0, 5, 2", "3, 0, 8, 3", "4, 0, 4, 1", "5, 1, 1, 2", "6, 2, 3, 1"})
    void axisTotalsMatchTheSourcePage(int axis, int implemented, int partially, int notImplemented) {
        List<ExpectedMeasure> ofAxis =
                fixture().stream().filter(m -> m.axis() == axis).toList();
        assertEquals(
                List.of(implemented, partially, notImplemented),
                List.of(
                        count(ofAxis, "IMPLEMENTED"),
                        count(ofAxis, "PARTIALLY_IMPLEMENTED"),
                        count(ofAxis, "NOT_IMPLEMENTED")),
                "the fixture's counts for axis " + axis);

        given().get(PLAN + "/axes/" + axis)
                .then()
                .statusCode(200)
                .body("progress.measureCount", equalTo(implemented + partially + notImplemented))
                .body("progress.statuses.count", contains(implemented, partially, notImplemented, 0));
    }

    private static int count(List<ExpectedMeasure> measures, String status) {
        return (int) measures.stream().filter(m -> m.status().equals(status)).count();
    }

    @Test
    void axisTitlesAreThePageHeadingsInSentenceCase() {
        given().get(PLAN + "/axes")
                .then()
                .statusCode(200)
                .body("items.number", contains(1, 2, 3, 4, 5, 6))
                .body(
                        "items.title",
                        contains(
                                "Informer et communiquer pour mieux prévenir le phénomène de la traite des êtres humains",
                                "Définir une stratégie d’identification des victimes",
                                "Protéger et accompagner les victimes",
                                "Intensifier la répression des auteurs",
                                "Coordonner l’action publique de la lutte contre la traite des êtres humains",
                                "Renforcer la coopération aux niveaux européen et international"));
    }

    @Test
    void planMetadataComesFromThePublicSources() {
        given().get(PLAN)
                .then()
                .statusCode(200)
                .body("slug", equalTo("2019-2021"))
                .body("title", equalTo("2nd plan d'action national contre la traite des êtres humains 2019-2021"))
                .body("startYear", equalTo(2019))
                .body("endYear", equalTo(2021))
                .body("presentedOn", equalTo("2019-10-18"))
                .body("axisCount", equalTo(6))
                .body("source.title", not(blankOrNullString()))
                .body("source.url", equalTo("https://contrelatraite.com/index.php/evaluation_plan_national"));
    }

    @Test
    void theCncdhEvaluationOf12January2023AssessesAll45Measures() {
        JsonPath evaluations = given().get(PLAN + "/evaluations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, evaluations.getList("items").size());
        int id = evaluations.getInt("items[0].id");

        List<String> expectedStatuses =
                fixture().stream().map(ExpectedMeasure::status).toList();
        given().get("/api/v1/evaluations/" + id)
                .then()
                .statusCode(200)
                .body("plan", equalTo("2019-2021"))
                .body("date", equalTo("2023-01-12"))
                .body("evaluator.slug", equalTo("cncdh"))
                .body(
                        "title",
                        equalTo(
                                "Évaluation de la mise en œuvre du plan d'action national contre la traite des êtres humains (2019-2021)"))
                .body("source.url", equalTo("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047011945"))
                .body("summary", containsString("Sur 45 mesures, seules trois ont été réalisées."))
                .body("summary", containsString("MIPROF"))
                .body("summary", containsString("mécanisme national d’identification et d’orientation"))
                .body("assessmentCount", equalTo(45))
                .body("assessments", hasSize(45))
                .body(
                        "assessments.measure",
                        equalTo(IntStream.rangeClosed(1, 45).boxed().toList()))
                .body("assessments.status", equalTo(expectedStatuses))
                .body("assessments.measureTitle", everyItem(not(blankOrNullString())));
    }

    // Personal contact details are not data (sources README): nothing served may hold one.
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\w+])(\\+33|0033|0)[ .-]?[1-9]([ .-]?\\d{2}){4}(?!\\d)");

    @Test
    void noServedFieldHoldsAnEmailAddressOrPhoneNumber() {
        int evaluation = given().get(PLAN + "/evaluations").then().extract().path("items[0].id");
        List<String> paths = new ArrayList<>(List.of(
                "/api/v1/plans",
                PLAN,
                PLAN + "/axes",
                PLAN + "/measures?limit=200",
                PLAN + "/progress",
                PLAN + "/progress?evaluation=" + evaluation,
                PLAN + "/evaluations",
                "/api/v1/evaluations/" + evaluation,
                "/api/v1/evaluators",
                "/api/v1/evaluators/cncdh",
                "/api/v1/evaluators/collectif-ensemble-contre-la-traite"));
        IntStream.rangeClosed(1, 6).forEach(axis -> paths.add(PLAN + "/axes/" + axis));
        IntStream.rangeClosed(1, 45).forEach(measure -> paths.add(PLAN + "/measures/" + measure));

        List<String> found = new ArrayList<>();
        for (String path : paths) {
            String body = given().urlEncodingEnabled(false)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            for (Pattern pattern : List.of(EMAIL, PHONE)) {
                Matcher matcher = pattern.matcher(body);
                while (matcher.find()) {
                    found.add(path + ": " + matcher.group());
                }
            }
        }
        assertEquals(List.of(), found, "personal contact details served");
    }
}
