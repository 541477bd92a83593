package org.planwatch.measure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Problems.assertProblem;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV exports read back and compared with the JSON API they come from. */
@QuarkusTest
class CsvExportTest {

    private static final String MEASURES = "/api/v1/plans/2019-2021/measures";

    @Test
    void aFilteredMeasureListRoundTripsToTheJsonList() throws IOException {
        List<Map<String, String>> rows = csv(given().accept("text/csv")
                .queryParam("axis", 3)
                .queryParam("status", "NOT_IMPLEMENTED")
                .get(MEASURES));
        List<Map<String, Object>> json = given().queryParam("axis", 3)
                .queryParam("status", "NOT_IMPLEMENTED")
                .get(MEASURES)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(json.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            Map<String, Object> item = json.get(i);
            assertEquals(item.get("number").toString(), row.get("number"));
            assertEquals(item.get("title"), row.get("title"));
            assertEquals(((Map<?, ?>) item.get("axis")).get("number").toString(), row.get("axis"));
            assertEquals(item.get("status"), row.get("status"));
            assertEquals(item.get("statusLabel"), row.get("statusLabel"));
            assertEquals(((Map<?, ?>) item.get("statusSource")).get("date"), row.get("statusDate"));
            assertEquals(item.get("divergent").toString(), row.get("divergent"));
        }
        assertEquals(
                List.of("24", "27", "29"),
                rows.stream().map(r -> r.get("number")).toList());
    }

    @Test
    void theCsvHoldsEveryRowNotOnePage() throws IOException {
        List<Map<String, String>> rows =
                csv(given().accept("text/csv").queryParam("limit", 10).get(MEASURES));
        assertEquals(45, rows.size());
        assertEquals(
                14,
                rows.stream()
                        .filter(r -> r.get("status").equals("NOT_IMPLEMENTED"))
                        .count());
        assertEquals(rows, csv(given().get(MEASURES + ".csv")));
    }

    @Test
    void jsonStaysTheDefaultAndOtherTypesAre406() {
        given().get(MEASURES).then().statusCode(200).contentType(startsWith("application/json"));
        given().accept("application/json")
                .get(MEASURES)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"));
        given().accept("*/*").get(MEASURES).then().statusCode(200).contentType(startsWith("application/json"));
        given().accept("text/csv;q=0.5, application/json")
                .get(MEASURES)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"));
        assertProblem(given().accept("application/xml").get(MEASURES), 406, "Not acceptable", MEASURES);
        assertProblem(given().accept("text/csv").get("/api/v1/plans"), 406, "Not acceptable", "/api/v1/plans");
        assertProblem(
                given().accept("text/csv").get("/api/v1/plans/1999-2000/measures"),
                404,
                "Resource not found",
                "/api/v1/plans/1999-2000/measures");
        assertProblem(
                given().accept("text/csv").queryParam("status", "DONE").get(MEASURES),
                400,
                "Invalid parameter",
                MEASURES);
    }

    @Test
    void anEvaluationsAssessmentsRoundTripAndCanBeImportedAgain() throws IOException {
        Response response = given().accept("text/csv").get("/api/v1/evaluations/1");
        List<Map<String, String>> rows = csv(response);
        List<Map<String, Object>> json = given().get("/api/v1/evaluations/1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("assessments");
        assertEquals(45, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(json.get(i).get("measure").toString(), rows.get(i).get("measure"));
            assertEquals(json.get(i).get("status"), rows.get(i).get("status"));
            assertEquals(json.get(i).get("measureTitle"), rows.get(i).get("measureTitle"));
        }
        assertTrue(
                response.asString().startsWith("\uFEFFmeasure;status;comment;evidenceUrl;"),
                "the import's columns come first");
        assertEquals(rows, csv(given().get("/api/v1/evaluations/1.csv")));
        assertProblem(
                given().accept("text/csv").get("/api/v1/evaluations/999"),
                404,
                "Resource not found",
                "/api/v1/evaluations/999");
    }

    /** Reads a CSV answer as a French-locale spreadsheet would: UTF-8 with a BOM, ';' separated. */
    private static List<Map<String, String>> csv(Response response) throws IOException {
        response.then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename="));
        byte[] bytes = response.asByteArray();
        assertTrue(
                bytes.length > 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF,
                "a UTF-8 byte-order mark");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.lines().findFirst().orElse("").contains(";"));
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper()
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(';'))
                .readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
