package org.planwatch.common.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is part of the contract: the committed openapi/openapi.yaml is what the API
 * serves, so a change to the contract shows in review as a change to that file.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    private static final Path SERVED = Path.of("target", "openapi.yaml");

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        String served = given().get("/q/openapi")
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("application/yaml"))
                .extract()
                .asString();
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : null;
        if (committed != null && normalized(committed).equals(normalized(served))) {
            return;
        }
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, served, StandardCharsets.UTF_8);
        fail((committed == null
                        ? COMMITTED + " is missing."
                        : "The served OpenAPI document differs from " + COMMITTED
                                + firstDifference(normalized(committed), normalized(served)))
                + "\nThe served document was written to " + SERVED
                + ". If the change is intended, refresh the committed one with:"
                + "\n    cp target/openapi.yaml openapi/openapi.yaml");
    }

    private static String normalized(String document) {
        return document.replace("\r\n", "\n").strip() + "\n";
    }

    private static String firstDifference(String committed, String served) {
        String[] a = committed.split("\n", -1);
        String[] b = served.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end of file>";
            String right = i < b.length ? b[i] : "<end of file>";
            if (!left.equals(right)) {
                return " from line " + (i + 1) + ":\n  committed: " + left + "\n  served:    " + right;
            }
        }
        return "";
    }

    private static Map<String, Object> document() {
        return given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentSaysWhatTheApiIsAndUnderWhichTerms() {
        Map<String, Object> info = (Map<String, Object>) document().get("info");
        assertEquals("Planwatch", info.get("title"));
        assertTrue(info.get("description") instanceof String d && d.contains("2019-2021"), "info.description");
        assertTrue(info.get("version") instanceof String v && !v.isBlank(), "info.version");
        assertTrue(info.get("license") instanceof Map<?, ?> l && l.get("name") instanceof String, "info.license.name");
        assertTrue(info.get("contact") instanceof Map<?, ?> c && !c.isEmpty(), "info.contact");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasADeclaredTagAndASummary() {
        Map<String, Object> document = document();
        Set<String> declared = ((List<Map<String, Object>>) document.get("tags"))
                .stream()
                        .peek(tag -> assertTrue(
                                tag.get("description") instanceof String, "tag description of " + tag.get("name")))
                        .map(tag -> (String) tag.get("name"))
                        .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "Plans",
                        "Axes",
                        "Measures",
                        "Progress",
                        "Evaluators",
                        "Evaluations",
                        "Changes",
                        "Badges",
                        "Webhooks",
                        "Administration"),
                declared);

        List<String> problems = new ArrayList<>();
        forEachOperation(document, (name, operation) -> {
            Object summary = operation.get("summary");
            if (!(summary instanceof String s) || s.isBlank()) {
                problems.add(name + " has no summary");
            }
            List<String> tags = (List<String>) operation.get("tags");
            if (tags == null || tags.isEmpty() || !declared.containsAll(tags)) {
                problems.add(name + " has tags " + tags);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    @SuppressWarnings("unchecked")
    void errorAnswersAreDocumentedAsProblems() {
        List<String> problems = new ArrayList<>();
        forEachOperation(document(), (name, operation) -> {
            List<Map<String, Object>> parameters =
                    (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            // badges are images and the .csv addresses CSV; every other answer is JSON
            String media =
                    name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".csv") ? "text/csv" : "application/json";
            if (name.startsWith("DELETE ")) {
                if (!responses.containsKey("204")) {
                    problems.add(name + ": no 204");
                }
            } else if (name.startsWith("POST ")) {
                // a POST creates (201), or acts on what its path names: a rotation (200), a message to send (202)
                if (!hasContent(responses, "201", media)
                        && !hasContent(responses, "200", media)
                        && !hasContent(responses, "202", media)) {
                    problems.add(name + ": no " + media + " 201, 200 or 202");
                }
            } else if (!hasContent(responses, "200", media)) {
                problems.add(name + ": no " + media + " 200");
            }
            if (parameters.stream().anyMatch(p -> "path".equals(p.get("in")))
                    && !hasContent(responses, "404", "application/problem+json")) {
                problems.add(name + ": addresses something by path but documents no problem+json 404");
            }
            if (parameters.stream().anyMatch(p -> "query".equals(p.get("in")))
                    && !hasContent(responses, "400", "application/problem+json")) {
                problems.add(name + ": takes query parameters but documents no problem+json 400");
            }
            if (!hasContent(responses, "406", "application/problem+json")) {
                problems.add(name + ": no problem+json 406");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyReadDocumentsRevalidation() {
        List<String> problems = new ArrayList<>();
        forEachOperation(document(), (name, operation) -> {
            if (!name.startsWith("GET ")) {
                return;
            }
            List<Map<String, Object>> parameters =
                    (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            Map<String, Object> ok = (Map<String, Object>) responses.get("200");
            if (parameters.stream()
                    .noneMatch(p -> "header".equals(p.get("in")) && "If-None-Match".equals(p.get("name")))) {
                problems.add(name + ": no If-None-Match");
            }
            if (!responses.containsKey("304")) {
                problems.add(name + ": no 304");
            }
            if (!(ok.get("headers") instanceof Map<?, ?> headers)
                    || !headers.containsKey("ETag")
                    || !headers.containsKey("Cache-Control")) {
                problems.add(name + ": its 200 documents no ETag and Cache-Control");
            } else if (!(headers.get("Vary") instanceof Map<?, ?> vary)
                    || !String.valueOf(vary.get("description"))
                            .startsWith(
                                    ((Map<?, ?>) ok.get("content")).size() > 1
                                            ? "`Accept, Accept-Encoding, Origin`"
                                            : "`Accept-Encoding, Origin`")) {
                problems.add(name + ": its 200 does not document its Vary (Accept where it has several media types)");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPathIsUnderApiV1AndEveryListIsPaged() {
        Map<String, Object> paths = (Map<String, Object>) document().get("paths");
        assertEquals(
                Set.of(
                        "/api/v1/plans",
                        "/api/v1/plans/{plan}",
                        "/api/v1/plans/{plan}/axes",
                        "/api/v1/plans/{plan}/measures/{number}/lineage",
                        "/api/v1/plans/{plan}/axes/{number}",
                        "/api/v1/plans/{plan}/measures",
                        "/api/v1/plans/{plan}/measures/{number}",
                        "/api/v1/plans/{plan}/progress",
                        "/api/v1/plans/{plan}/evaluations",
                        "/api/v1/evaluators",
                        "/api/v1/evaluators/{slug}",
                        "/api/v1/evaluations/{id}",
                        "/api/v1/plans/{plan}/progress/history",
                        "/api/v1/evaluations/{id}/assessments/{measure}",
                        "/api/v1/changes",
                        "/api/v1/api-keys",
                        "/api/v1/api-keys/{id}",
                        "/api/v1/audit",
                        "/api/v1/plans/{plan}/measures.csv",
                        "/api/v1/evaluations/{id}.csv",
                        "/api/v1/plans/{plan}/badge.svg",
                        "/api/v1/plans/{plan}/axes/{number}/badge.svg",
                        "/api/v1/plans/{plan}/measures/{number}/badge.svg",
                        "/api/v1/webhooks",
                        "/api/v1/webhooks/{id}",
                        "/api/v1/webhooks/{id}/rotate-secret",
                        "/api/v1/webhooks/{id}/test",
                        "/api/v1/webhooks/{id}/deliveries",
                        "/api/v1/webhooks/{id}/deliveries/{message}/retry"),
                paths.keySet());
        for (String list : List.of(
                "/api/v1/plans",
                "/api/v1/plans/{plan}/axes",
                "/api/v1/plans/{plan}/measures",
                "/api/v1/plans/{plan}/evaluations",
                "/api/v1/evaluators",
                "/api/v1/webhooks",
                "/api/v1/webhooks/{id}/deliveries")) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths.get(list)).get("get");
            Set<String> parameters = ((List<Map<String, Object>>) get.get("parameters"))
                    .stream().map(p -> (String) p.get("name")).collect(Collectors.toSet());
            assertTrue(parameters.containsAll(Set.of("limit", "cursor")), list + " parameters " + parameters);
        }
    }

    @Test
    void theMeasureFiltersAreDocumented() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/plans/{plan}/measures'.get.parameters.name",
                        hasItems("plan", "axis", "status", "q", "overdue", "lead", "limit", "cursor"))
                .body(
                        "components.schemas.Problem.properties.keySet()",
                        hasItems("type", "title", "status", "detail", "instance", "errors", "errorId"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("text/html"))
                .body(containsString("swagger"))
                .body(not(blankOrNullString()));
    }

    @SuppressWarnings("unchecked")
    private static void forEachOperation(Map<String, Object> document, BiConsumer<String, Map<String, Object>> check) {
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertFalse(paths.isEmpty());
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options")
                    .contains(method)) {
                check.accept(method.toUpperCase() + " " + path, (Map<String, Object>) operation);
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static boolean hasContent(Map<String, Object> responses, String status, String mediaType) {
        return responses.get(status) instanceof Map<?, ?> response
                && response.get("content") instanceof Map<?, ?> content
                && content.containsKey(mediaType);
    }
}
