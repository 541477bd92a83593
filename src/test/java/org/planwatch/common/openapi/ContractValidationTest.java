package org.planwatch.common.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.planwatch.ContractValidation;

/**
 * The check of every answer against the contract (ContractValidation) is installed and does catch what the contract
 * does not allow: without this, a validator that passed everything would look the same as a service that keeps its word.
 */
@QuarkusTest
class ContractValidationTest {

    @TestHTTPResource("/")
    String base;

    @Test
    void everyRestAssuredRequestIsChecked() {
        assertTrue(
                RestAssured.filters().stream().anyMatch(ContractValidation.class::isInstance),
                "installed: " + RestAssured.filters());
        // An answer altered on its way back, before the check sees it: the request that got it fails.
        AssertionError refused = assertThrows(
                AssertionError.class,
                () -> given().filter(replacingBody("{\"slug\":\"cncdh\",\"website\":5}"))
                        .get("/api/v1/evaluators/cncdh"));
        assertTrue(
                refused.getMessage().contains("/website")
                        && refused.getMessage().contains("/api/v1/evaluators/cncdh"),
                refused.getMessage());
    }

    @Test
    void nullIsAllowedWhereTheContractSaysSoAndNowhereElse() {
        assertEquals(List.of(), json("GET", "/api/v1/evaluators/cncdh", 200, "{\"slug\":\"cncdh\",\"website\":null}"));
        assertViolation(json("GET", "/api/v1/evaluators/cncdh", 200, "{\"slug\":null}"), "/slug");
        assertEquals(List.of(), json("GET", "/api/v1/plans/2019-2021/measures/1", 200, "{\"statusSource\":null}"));
        assertViolation(
                json("GET", "/api/v1/plans/2019-2021/measures/1", 200, "{\"statusSource\":5}"), "/statusSource");
        assertViolation(json("GET", "/api/v1/plans/2019-2021/measures/1", 200, "{\"status\":null}"), "/status");
        assertViolation(json("GET", "/api/v1/plans/2019-2021/measures/1", 200, "{\"status\":\"DONE\"}"), "/status");
    }

    @Test
    void formatsNestedSchemasAndProblemsAreChecked() {
        assertViolation(
                json("GET", "/api/v1/plans/2019-2021", 200, "{\"presentedOn\":\"18/10/2019\"}"), "/presentedOn");
        assertViolation(
                json("GET", "/api/v1/plans", 200, "{\"items\":[{\"latestEvaluation\":{\"id\":\"one\"}}]}"),
                "/items/0/latestEvaluation");
        assertViolation(
                check("GET", "/api/v1/plans/nope", 404, "application/problem+json", "{\"status\":\"404\"}"), "/status");
        assertEquals(
                List.of(),
                check(
                        "GET",
                        "/api/v1/plans/nope",
                        404,
                        "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Resource not found\",\"status\":404}"));
    }

    @Test
    void statusesMediaTypesAndBodiesMustBeDocumented() {
        assertViolation(json("GET", "/api/v1/plans", 418, "{}"), "documents no 418");
        assertViolation(check("GET", "/api/v1/plans", 200, "text/html", "<html></html>"), "text/html");
        assertViolation(check("GET", "/api/v1/plans/nope", 404, "application/json", "{}"), "application/json");
        assertViolation(check("DELETE", "/api/v1/plans/2019-2021", 204, "application/json", "{}"), "describes none");
        assertViolation(check("GET", "/api/v1/plans", 200, null, ""), "no body");
        assertEquals(
                List.of(),
                check("GET", "/api/v1/plans/2019-2021/measures.csv", 200, "text/csv; charset=UTF-8", "number;title\n"));
        assertEquals(List.of(), check("GET", "/api/v1/evaluations/1.csv", 200, "text/csv", "measure;status\n"));
    }

    @Test
    void aHeaderTheContractRequiresMustBeSent() {
        assertViolation(check("POST", "/api/v1/evaluators", 201, "application/json", "{\"slug\":\"x\"}"), "Location");
        assertViolation(
                check("POST", "/api/v1/evaluators", 401, "application/problem+json", "{\"status\":401}"),
                "WWW-Authenticate");
    }

    @Test
    void whatTheContractDoesNotDescribeIsNotChecked() {
        assertEquals(List.of(), check("GET", "/q/health", 200, "application/json", "{\"status\":5}"));
        assertEquals(List.of(), check("PATCH", "/api/v1/plans", 405, "text/plain", "no"));
    }

    private List<String> json(String method, String path, int status, String body) {
        return check(method, path, status, "application/json", body);
    }

    private List<String> check(String method, String path, int status, String contentType, String body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return ContractValidation.violations(
                base.replaceFirst("/$", ""), method, path, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertViolation(List<String> violations, String mentioned) {
        assertTrue(
                violations.stream().anyMatch(v -> v.contains(mentioned)),
                "expected a violation about " + mentioned + ": " + violations);
    }

    /** Runs after the contract check in the filter chain, so the check sees the altered answer. */
    private static OrderedFilter replacingBody(String body) {
        return new OrderedFilter() {
            @Override
            public Response filter(
                    FilterableRequestSpecification request,
                    FilterableResponseSpecification response,
                    FilterContext context) {
                return new ResponseBuilder()
                        .clone(context.next(request, response))
                        .setBody(body)
                        .build();
            }

            @Override
            public int getOrder() {
                return LOWEST_PRECEDENCE;
            }
        };
    }
}
