package org.planwatch.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Api.admin;
import static org.planwatch.Api.as;
import static org.planwatch.Api.csv;
import static org.planwatch.Api.json;
import static org.planwatch.Api.read;
import static org.planwatch.Api.readMap;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planwatch.TestData;

/**
 * Recording an evaluation with all its assessments, from JSON or CSV: all or nothing. One bad item
 * rejects the whole evaluation with a 422 that lists every bad item; nothing is recorded.
 */
@QuarkusTest
class ImportTest {

    private final TestData data = new TestData();

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private static List<Object> stateOf(String plan) {
        String base = "/api/v1/plans/" + plan;
        return List.of(
                read(base),
                read(base + "/measures?limit=200"),
                read(base + "/progress"),
                read(base + "/evaluations"),
                read(base + "/progress/history"));
    }

    private static Map<String, Object> metadata(String evaluator) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("evaluator", evaluator);
        metadata.put("title", "Évaluation importée");
        metadata.put("date", "2150-06-30");
        metadata.put("sourceTitle", "Rapport annuel");
        metadata.put("sourceUrl", "https://www.example.fr/rapport");
        return metadata;
    }

    // --- CSV

    @Test
    void aCsvWithABadLineInTheMiddleIsRejectedWholeNamingThatLine() {
        String plan = data.planWithMeasures(5);
        String evaluator = data.evaluator();
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        List<Object> before = stateOf(plan);
        String text = """
                measure,status,comment,evidenceUrl
                1,IMPLEMENTED,Fait,https://www.example.fr/1
                2,PARTIALLY_IMPLEMENTED,,
                3,DONE,,
                4,NOT_IMPLEMENTED,,
                """;

        Response response = csv(as(data.key(evaluator).secret()).queryParams(metadata(evaluator)), text)
                .post(evaluations);

        assertProblem(response, 422, "Unprocessable content", evaluations)
                .body("errors.field", equalTo(List.of("line 4.status")))
                .body("errors[0].message", containsString("DONE"));
        assertEquals(before, stateOf(plan), "nothing was recorded");
    }

    @Test
    void everyBadCsvLineIsListed() {
        String plan = data.planWithMeasures(5);
        String evaluator = data.evaluator();
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        List<Object> before = stateOf(plan);
        String text = """
                measure,status,comment,evidenceUrl
                1,IMPLEMENTED,,
                deux,IMPLEMENTED,,
                3,,Sans statut,
                4,implemented,,pas-une-adresse
                5,PARTIALLY_IMPLEMENTED,,
                """;

        Response response = csv(admin().queryParams(metadata(evaluator)), text).post(evaluations);

        assertProblem(response, 422, "Unprocessable content", evaluations)
                .body(
                        "errors.field",
                        equalTo(List.of("line 3.measure", "line 4.status", "line 5.status", "line 5.evidenceUrl")));
        assertEquals(before, stateOf(plan));
    }

    // Fails as of this writing: the lines are checked in two passes (format, then against the plan), and a
    // format error stops before the second pass, so line 3 is not listed.
    @Test
    void aCsvLineNamingAnUnknownMeasureIsListedWithTheMalformedOnes() {
        String plan = data.planWithMeasures(3);
        String evaluator = data.evaluator();
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        List<Object> before = stateOf(plan);
        String text = "measure,status\n1,IMPLEMENTED\n99,NOT_IMPLEMENTED\n2,DONE\n";

        Response response = csv(admin().queryParams(metadata(evaluator)), text).post(evaluations);

        assertProblem(response, 422, "Unprocessable content", evaluations)
                .body("errors.field", containsInAnyOrder("line 3.measure", "line 4.status"));
        assertEquals(before, stateOf(plan));
    }

    @Test
    void csvLinesAreCheckedAgainstThePlan() {
        String plan = data.planWithMeasures(3);
        String evaluator = data.evaluator();
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        List<Object> before = stateOf(plan);
        String text =
                "measure,status\n1,IMPLEMENTED\n99,NOT_IMPLEMENTED\n2,IMPLEMENTED\n1,NOT_IMPLEMENTED\n3,NOT_ASSESSED\n";

        Response response = csv(admin().queryParams(metadata(evaluator)), text).post(evaluations);

        assertProblem(response, 422, "Unprocessable content", evaluations)
                .body("errors.field", equalTo(List.of("line 3.measure", "line 5.measure", "line 6.status")));
        assertEquals(before, stateOf(plan));
    }

    @Test
    void aSemicolonCsvWithAByteOrderMarkIsImported() {
        String plan = data.planWithMeasures(3);
        String evaluator = data.evaluator();
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        String text = "Measure;Status;Comment;EvidenceUrl\r\n"
                + "2;PARTIALLY_IMPLEMENTED;Un mécanisme a été annoncé, pas encore en œuvre;https://www.example.fr/annonce\r\n"
                + "1;IMPLEMENTED;;\r\n"
                + "\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));

        Response created = csv(
                        as(data.key(evaluator).secret())
                                .queryParams(metadata(evaluator))
                                .queryParam("summary", "Résumé"),
                        bytes.toByteArray())
                .post(evaluations);

        created.then()
                .statusCode(201)
                .header(
                        "Location",
                        endsWith("/api/v1/evaluations/" + created.jsonPath().getLong("id")))
                .body("evaluator.slug", equalTo(evaluator))
                .body("title", equalTo("Évaluation importée"))
                .body("date", equalTo("2150-06-30"))
                .body("source.title", equalTo("Rapport annuel"))
                .body("source.url", equalTo("https://www.example.fr/rapport"))
                .body("summary", equalTo("Résumé"))
                .body("assessmentCount", equalTo(2))
                .body("assessments.measure", contains(1, 2))
                .body("assessments.status", contains("IMPLEMENTED", "PARTIALLY_IMPLEMENTED"))
                .body("assessments[0].comment", nullValue())
                .body("assessments[0].evidence", empty())
                .body("assessments[1].comment", equalTo("Un mécanisme a été annoncé, pas encore en œuvre"))
                .body("assessments[1].evidence.url", contains("https://www.example.fr/annonce"));
        assertEquals(
                read("/api/v1/evaluations/" + created.jsonPath().getLong("id")),
                created.jsonPath().get("$"));
        assertEquals(
                "PARTIALLY_IMPLEMENTED",
                readMap("/api/v1/plans/" + plan + "/measures/2").get("status"));
    }

    @Test
    void aFormulaInACommentIsExportedAsTextAndImportedBackAsWritten() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        String formula = "=HYPERLINK(\"https://example.org\",\"voir\")";
        String text = "measure,status,comment\n1,NOT_IMPLEMENTED,\"" + formula.replace("\"", "\"\"")
                + "\"\n2,IMPLEMENTED,-\n";
        long id = csv(admin().queryParams(metadata(evaluator)), text)
                .post("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .statusCode(201)
                .body("assessments.comment", contains(formula, "-"))
                .extract()
                .jsonPath()
                .getLong("id");

        String exported = given().get("/api/v1/evaluations/" + id + ".csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                exported.contains(";\"'=HYPERLINK(") || exported.contains(";'=HYPERLINK("),
                "the formula is exported as text: " + exported);
        assertTrue(
                exported.contains(";'-;") || exported.contains(";\"'-\";"), "a cell starting with - too: " + exported);

        // the export, imported again, gives the comments as they were written
        Map<String, Object> again = new HashMap<>(metadata(evaluator));
        again.put("date", "2150-07-31");
        csv(admin().queryParams(again), exported)
                .post("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .statusCode(201)
                .body("assessments.comment", contains(formula, "-"));
    }

    @Test
    void aCommaCsvWithQuotedCommentsIsImported() {
        String plan = data.planWithMeasures(2);
        String evaluator = data.evaluator();
        String text =
                "measure,status,comment\n1,NOT_IMPLEMENTED,\"Rien, à ce jour\"\n2,IMPLEMENTED,\"Dit \"\"fait\"\"\"\n";

        csv(admin().queryParams(metadata(evaluator)), text)
                .post("/api/v1/plans/" + plan + "/evaluations")
                .then()
                .statusCode(201)
                .body("assessments.comment", contains("Rien, à ce jour", "Dit \"fait\""));
    }

    // Fails as of this writing: line numbers count CSV records, not lines, so after a comment that spans
    // two lines the bad line (the file's 4th) is reported as "line 3".
    @Test
    void lineNumbersAreTheFilesLinesEvenAfterAMultiLineComment() {
        String plan = data.planWithMeasures(2);
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        String text = "measure,status,comment\n1,IMPLEMENTED,\"sur deux\nlignes\"\n2,DONE,\n";

        assertProblem(
                        csv(admin().queryParams(metadata(data.evaluator())), text)
                                .post(evaluations),
                        422,
                        "Unprocessable content",
                        evaluations)
                .body("errors.field", equalTo(List.of("line 4.status")));
    }

    @Test
    void aCsvWithoutTheRequiredColumnsIsA422NamingItsHeader() {
        String plan = data.planWithMeasures(1);
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        List<Object> before = stateOf(plan);

        assertProblem(
                        csv(admin().queryParams(metadata(data.evaluator())), "mesure,etat\n1,IMPLEMENTED\n")
                                .post(evaluations),
                        422,
                        "Unprocessable content",
                        evaluations)
                .body("errors.field", equalTo(List.of("line 1")));
        assertProblem(
                csv(admin().queryParams(metadata(data.evaluator())), "").post(evaluations),
                422,
                "Unprocessable content",
                evaluations);

        assertEquals(before, stateOf(plan));
    }

    @Test
    void missingOrInvalidCsvMetadataIsA400NamingTheQueryParameters() {
        String plan = data.planWithMeasures(1);
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        List<Object> before = stateOf(plan);
        String text = "measure,status\n1,IMPLEMENTED\n";

        assertProblem(csv(admin(), text).post(evaluations), 400, "Invalid parameter", evaluations)
                .body("errors.field", equalTo(List.of("date", "evaluator", "sourceTitle", "sourceUrl", "title")));
        Map<String, Object> metadata = metadata(data.evaluator());
        metadata.put("sourceUrl", "www.example.fr");
        metadata.put("title", " ");
        assertProblem(csv(admin().queryParams(metadata), text).post(evaluations), 400, "Invalid parameter", evaluations)
                .body("errors.field", equalTo(List.of("sourceUrl", "title")));
        metadata = metadata(data.evaluator());
        metadata.put("date", "30/06/2150");
        assertProblem(csv(admin().queryParams(metadata), text).post(evaluations), 400, "Invalid parameter", evaluations)
                .body("errors.field", equalTo(List.of("date")));

        assertEquals(before, stateOf(plan));
    }

    // Fails as of this writing: an unreadable date is reported alone, before the other parameters are checked.
    @Test
    void everyBadCsvMetadataParameterIsNamedAtOnce() {
        String plan = data.planWithMeasures(1);
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        Map<String, Object> metadata = metadata(data.evaluator());
        metadata.put("date", "30/06/2150");
        metadata.remove("title");

        assertProblem(
                        csv(admin().queryParams(metadata), "measure,status\n1,IMPLEMENTED\n")
                                .post(evaluations),
                        400,
                        "Invalid parameter",
                        evaluations)
                .body("errors.field", containsInAnyOrder("date", "title"));
    }

    // --- JSON

    @Test
    void aJsonEvaluationWithSeveralBadAssessmentsListsThemAllAndRecordsNothing() {
        String plan = data.planWithMeasures(4);
        String evaluator = data.evaluator();
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        List<Object> before = stateOf(plan);
        Map<String, Object> body = TestData.evaluationBody(evaluator, "2150-01-01", Map.of());
        body.put(
                "assessments",
                List.of(
                        Map.of("measure", 1, "status", "IMPLEMENTED"),
                        Map.of("measure", 9, "status", "IMPLEMENTED"),
                        Map.of("measure", 2, "status", "NOT_ASSESSED"),
                        Map.of("measure", 1, "status", "NOT_IMPLEMENTED"),
                        Map.of("measure", 3, "status", "PARTIALLY_IMPLEMENTED")));

        Response response = json(as(data.key(evaluator).secret()), body).post(evaluations);

        assertProblem(response, 422, "Unprocessable content", evaluations)
                .body(
                        "errors.field",
                        equalTo(List.of("assessments[1].measure", "assessments[2].status", "assessments[3].measure")))
                .body("errors[0].message", containsString("9"))
                .body("errors[2].message", containsString("twice"));
        assertEquals(before, stateOf(plan), "nothing was recorded");
    }

    // Fails as of this writing: an unknown evaluator is reported alone, before the assessments are checked.
    @Test
    void anUnknownEvaluatorIsListedWithTheBadAssessments() {
        String plan = data.planWithMeasures(1);
        String evaluations = "/api/v1/plans/" + plan + "/evaluations";
        Map<String, Object> body = TestData.evaluationBody("personne", "2150-01-01", Map.of(9, "IMPLEMENTED"));

        assertProblem(json(admin(), body).post(evaluations), 422, "Unprocessable content", evaluations)
                .body("errors.field", containsInAnyOrder("evaluator", "assessments[0].measure"));
    }
}
