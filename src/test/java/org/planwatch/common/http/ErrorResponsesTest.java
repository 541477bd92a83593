package org.planwatch.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planwatch.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ErrorResponsesTest {

    private static final String PLAN = "/api/v1/plans/2019-2021";

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/plans/2000-2002",
                "/api/v1/plans/nope",
                "/api/v1/plans/nope/axes",
                "/api/v1/plans/nope/axes/1",
                "/api/v1/plans/nope/measures",
                "/api/v1/plans/nope/measures/1",
                "/api/v1/plans/nope/progress",
                "/api/v1/plans/nope/evaluations",
                PLAN + "/axes/7",
                PLAN + "/axes/99",
                PLAN + "/measures/46",
                PLAN + "/measures/999",
                "/api/v1/evaluators/nope",
                "/api/v1/evaluators/CNCDH",
                "/api/v1/evaluations/999999"
            })
    void somethingThatDoesNotExistIsA404(String path) {
        assertProblem(given().get(path), 404, "Resource not found", path);
    }

    @Test
    void anEvaluationOutsideThePlanIsA404ForItsProgress() {
        assertProblem(
                given().queryParam("evaluation", 999999).get(PLAN + "/progress"),
                404,
                "Resource not found",
                PLAN + "/progress");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/api/v1/plans/2019-2021/axes/abc,            number",
        "/api/v1/plans/2019-2021/axes/0,              number",
        "/api/v1/plans/2019-2021/axes/-1,             number",
        "/api/v1/plans/2019-2021/axes/1.5,            number",
        "/api/v1/plans/2019-2021/measures/abc,        number",
        "/api/v1/plans/2019-2021/measures/0,          number",
        "/api/v1/plans/2019-2021/measures/99999999999, number",
        "/api/v1/evaluations/abc,                     id",
        "/api/v1/evaluations/0,                       id"
    })
    void aPathNumberThatIsNoPositiveWholeNumberIsA400NamingIt(String path, String field) {
        assertProblem(given().get(path), 400, "Invalid parameter", path)
                .body("errors.field", equalTo(List.of(field)))
                .body("errors[0].message", not(blankOrNullString()));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "axis,       abc",
        "axis,       0",
        "axis,       -3",
        "status,     DONE",
        "status,     implemented",
        "limit,      0",
        "limit,      201",
        "cursor,     garbage"
    })
    void aMeasureListParameterThatCannotBeUsedIsA400NamingIt(String parameter, String value) {
        assertProblem(
                        given().queryParam(parameter, value).get(PLAN + "/measures"),
                        400,
                        "Invalid parameter",
                        PLAN + "/measures")
                .body("errors.field", equalTo(List.of(parameter)));
    }

    @Test
    void anUnknownStatusIsA400ListingTheAllowedValues() {
        assertProblem(
                        given().queryParam("status", "IMPLEMENTED", "DONE").get(PLAN + "/measures"),
                        400,
                        "Invalid parameter",
                        PLAN + "/measures")
                .body("errors.field", equalTo(List.of("status")))
                .body(
                        "errors[0].message",
                        allOf(
                                containsString("DONE"),
                                containsString("IMPLEMENTED"),
                                containsString("PARTIALLY_IMPLEMENTED"),
                                containsString("NOT_IMPLEMENTED"),
                                containsString("NOT_ASSESSED")))
                .body("detail", containsString("NOT_ASSESSED"));
    }

    @Test
    void anAxisThePlanDoesNotHaveIsA400ListingItsAxes() {
        assertProblem(
                        given().queryParam("axis", 7).get(PLAN + "/measures"),
                        400,
                        "Invalid parameter",
                        PLAN + "/measures")
                .body("errors.field", equalTo(List.of("axis")))
                .body("errors[0].message", containsString("1, 2, 3, 4, 5, 6"));
    }

    @Test
    void aSearchOfMoreThan200CharactersOrTenWordsIsA400NamingQ() {
        assertProblem(
                        given().queryParam("q", "a".repeat(201)).get(PLAN + "/measures"),
                        400,
                        "Invalid parameter",
                        PLAN + "/measures")
                .body("errors.field", equalTo(List.of("q")));
        assertProblem(
                        given().queryParam("q", "a b c d e f g h i j k").get(PLAN + "/measures"),
                        400,
                        "Invalid parameter",
                        PLAN + "/measures")
                .body("errors.field", equalTo(List.of("q")));
        given().queryParam("q", "a".repeat(200)).get(PLAN + "/measures").then().statusCode(200);
    }

    @ParameterizedTest(name = "evaluation={0}")
    @ValueSource(strings = {"abc", "0", "-1"})
    void aProgressEvaluationThatIsNoIdIsA400NamingIt(String evaluation) {
        assertProblem(
                        given().queryParam("evaluation", evaluation).get(PLAN + "/progress"),
                        400,
                        "Invalid parameter",
                        PLAN + "/progress")
                .body("errors.field", equalTo(List.of("evaluation")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/plans",
                PLAN,
                PLAN + "/measures",
                PLAN + "/measures/16",
                "/api/v1/evaluators/cncdh",
                "/api/v1/plans/nope"
            })
    void askingForHtmlIsA406(String path) {
        assertProblem(given().accept("text/html").get(path), 406, "Not acceptable", path);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "DELETE, /api/v1/plans",
        "PATCH,  /api/v1/plans/2019-2021",
        "PUT,    /api/v1/plans/2019-2021/measures",
        "POST,   /api/v1/plans/2019-2021/measures/16",
        "DELETE, /api/v1/plans/2019-2021/progress",
        "PATCH,  /api/v1/plans/2019-2021/axes/3",
        "POST,   /api/v1/evaluators/cncdh",
        "POST,   /api/v1/evaluations/1"
    })
    void aMethodTheResourceDoesNotSupportIsA405WithAllow(String method, String path) {
        Response response = given().request(method, path);
        assertProblem(response, 405, "Method not allowed", path);
        Set<String> allowed =
                new TreeSet<>(Arrays.stream(response.header("Allow").split(","))
                        .map(String::trim)
                        .toList());
        assertTrue(allowed.contains("GET"), "Allow: " + allowed);
        assertFalse(allowed.contains(method), "Allow: " + allowed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/nothing",
                "/api/v2/plans",
                "/api/v1/plans/2019-2021/nothing",
                "/api/v1/plans/2019-2021/measures/16/more",
                "/nothing"
            })
    void anUnknownPathIsA404(String path) {
        assertProblem(given().get(path), 404, "Resource not found", path);
    }

    @Test
    void errorsAreProblemsForAClientThatOnlyAcceptsJson() {
        assertProblem(
                given().accept("application/json").get("/api/v1/plans/nope"),
                404,
                "Resource not found",
                "/api/v1/plans/nope");
    }
}
