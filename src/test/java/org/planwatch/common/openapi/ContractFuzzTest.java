package org.planwatch.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.planwatch.ContractValidation;
import org.planwatch.TableDigests;

/**
 * Hostile input, generated from the served OpenAPI document: every operation gets valid and invalid requests
 * (wrong types, out-of-range and huge values, empty and very long strings, unicode and control characters,
 * SQL and path-traversal payloads, malformed JSON and CSV, wrong and missing content types, oversized headers
 * and bodies, duplicated parameters), sent without a key, with an evaluator key on another evaluator's data,
 * and with the administrator key but an invalid request. Whatever is sent: no 5xx, every 4xx is a problem
 * document whose status is the HTTP status, and a rejected request changes no table.
 *
 * <p>Reproducible: the seed is printed; replay with {@code -Dplanwatch.fuzz.seed=<seed>} (and
 * {@code -Dplanwatch.fuzz.requests=<n>} for more or fewer requests). jqwik's engine cannot host a
 * {@code @QuarkusTest}, so the generation is a seeded {@link Random} walking the contract.
 */
@QuarkusTest
class ContractFuzzTest {

    private static final String ADMIN = "Bearer test-admin-key-that-is-only-used-by-the-test-suite";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024; // quarkus.http.limits.max-body-size
    /** Answers the HTTP layer gives before the application sees the request, with an empty body (README, "Limits"). */
    private static final List<Integer> EDGE_STATUSES = List.of(414, 431);

    private static final List<String> HOSTILE = List.of(
            "",
            " ",
            "0",
            "-1",
            "1.5",
            "2147483648",
            "-2147483649",
            "99999999999999999999999",
            "1e309",
            "NaN",
            "Infinity",
            "null",
            "true",
            "[]",
            "{}",
            "' OR '1'='1",
            "1; DROP TABLE plan; --",
            "\" or 1=1 --",
            "%' AND 1=1 --",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "/etc/passwd",
            "....//....//etc",
            "%2e%2e%2f",
            "%00",
            "%",
            "\u0000",
            "a\u0000b",
            "\u0007\b\t\n\r\u001b[31m",
            "\u202eevil",
            "\u200b",
            "\ufeff",
            "😀𝕏",
            "\ud800",
            "é".repeat(300),
            "a".repeat(5_000),
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "{{7*7}}",
            "%s%s%n",
            "\\",
            "/",
            "?",
            "#",
            "&",
            "=",
            ";",
            ",",
            "*",
            "2019-2021",
            "cncdh",
            "IMPLEMENTED",
            "IMPLEMENTED,NOT_IMPLEMENTED",
            "2023-02-30",
            "0000-00-00",
            "2023-01-12T00:00:00Z",
            "djE6Mg",
            "v1:999999999",
            "pw_aaaaaaaa_bbbbbbbb",
            "mecanisme reference");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "text/csv",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=ebcdic",
            "application/problem+json",
            "*/*",
            "garbage",
            "application/json;;;",
            "text/csv; charset=latin1");
    private static final List<String> ACCEPTS = List.of(
            "*/*",
            "application/json",
            "text/csv",
            "image/svg+xml",
            "application/problem+json",
            "text/html",
            "application/xml",
            "garbage/garbage",
            "application/json;q=0",
            "text/*, application/*;q=0.1");
    private static final List<String> MALFORMED_JSON = List.of(
            "{",
            "}",
            "{\"a\":",
            "[1,2",
            "{'a':1}",
            "{\"a\":1,}",
            "\u0000",
            "nul",
            "{\"title\":\"\\ud800\"}",
            "{\"title\":\"\\u00\"}",
            "\"unterminated",
            "{\"a\":1}{\"b\":2}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
            "1e99999999",
            "\ufeff{}");
    private static final List<String> MALFORMED_CSV = List.of(
            "",
            ";;;",
            "\"unterminated;x\n1;IMPLEMENTED",
            "measure;status;comment;evidenceUrl\n1;IMPLEMENTED;\"a\"\"b;c\n1;IMPLEMENTED",
            "measure,status\n1,IMPLEMENTED\n1,DONE",
            "measure;status\nabc;IMPLEMENTED",
            "measure;status\n1;DONE",
            "measure;status\n-1;IMPLEMENTED\n99999999999;NOT_IMPLEMENTED",
            "\u0000;\u0000",
            "measure;status\n" + "1;IMPLEMENTED\n".repeat(1_001),
            "=cmd|' /C calc'!A0;IMPLEMENTED");

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    String base;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Random random;
    private Fixture fixture;
    private List<String> tables;

    enum Caller {
        READER,
        ANONYMOUS,
        OTHER_EVALUATOR,
        ADMIN_INVALID,
        ADMIN_OWN_DATA
    }

    record Param(String name, String in, JsonNode schema, boolean required) {}

    record Operation(String method, String path, List<Param> params, Map<String, JsonNode> bodies, JsonNode responses) {

        boolean write() {
            return !method.equals("GET");
        }

        boolean documents(int status) {
            return responses.has(String.valueOf(status)) || responses.has(status / 100 + "XX");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Sent(
            Operation operation,
            Caller caller,
            String method,
            URI uri,
            Map<String, String> headers,
            String contentType,
            byte[] body,
            boolean expectUnchanged) {

        String describe() {
            String shown = body == null
                    ? "(no body)"
                    : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            String target = uri.toString();
            return caller + " " + method + " " + (target.length() > 400 ? target.substring(0, 400) + "…" : target)
                    + " headers=" + headers.keySet() + " content-type=" + contentType + " body=" + shown;
        }
    }

    /** What the fixture owns: a plan, two evaluators, an evaluation of each, and a key of the first one. */
    record Fixture(
            String plan,
            String own,
            String other,
            long ownEvaluation,
            long otherEvaluation,
            String ownKey,
            long ownKeyId) {}

    @Test
    void hostileRequestsNeverBreakTheServiceNorChangeWhatTheyMayNot() throws Exception {
        long seed = Long.getLong("planwatch.fuzz.seed", new SecureRandom().nextLong());
        int requests = Integer.getInteger("planwatch.fuzz.requests", 10_000);
        System.out.println("ContractFuzzTest seed " + seed
                + " (replay: ./mvnw verify -Dtest=ContractFuzzTest -Dplanwatch.fuzz.seed=" + seed + ")");
        random = new Random(seed);
        tables = tables();
        List<Operation> operations = operations(MAPPER.readTree(
                send("GET", "q/openapi?format=json", Map.of(), null, null).body()));
        assertTrue(operations.size() >= 40, "the contract lists every operation: " + operations.size());
        fixture = createFixture();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<Caller, Integer> callers = new TreeMap<>();
        Map<String, Integer> undocumented = new TreeMap<>();
        long started = System.nanoTime();
        try {
            Map<String, String> before = digest();
            for (int i = 0; i < requests; i++) {
                Operation operation = operations.get(
                        i < operations.size() ? i : random.nextInt(operations.size())); // each one at least once
                Sent sent = generate(operation);
                HttpResponse<byte[]> response = send(sent);
                int status = response.statusCode();
                statuses.merge(String.valueOf(status), 1, Integer::sum);
                callers.merge(sent.caller(), 1, Integer::sum);
                check(sent, response, seed);
                // 405: a hostile path value (an empty one, say) made the URL another resource's, which lacks this
                // method.
                if (!operation.documents(status) && status != 405) {
                    undocumented.merge(operation + " " + status, 1, Integer::sum);
                }
                if (sent.expectUnchanged()) {
                    Map<String, String> after = digest();
                    if (!after.equals(before)) {
                        fail("seed " + seed + ": a rejected request changed " + changed(before, after) + ": "
                                + sent.describe() + " -> " + status + " "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                } else {
                    before = digest(); // a valid write on the fixture's own data may change it
                }
            }
        } finally {
            deleteFixture();
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println(
                "ContractFuzzTest: " + requests + " requests over " + operations.size() + " operations in " + millis
                        + " ms, seed " + seed + "; statuses " + statuses + "; callers " + callers
                        + "; statuses the contract does not list "
                        + undocumented);
        assertTrue(
                undocumented.isEmpty(), "seed " + seed + ": answers the contract does not document: " + undocumented);
    }

    // ---- what every answer must be

    private void check(Sent sent, HttpResponse<byte[]> response, long seed) throws Exception {
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String context = "seed " + seed + ": " + sent.describe() + " -> " + status + " "
                + body.substring(0, Math.min(body.length(), 500));
        assertTrue(status < 500, context);
        if (sent.caller() != Caller.READER && sent.caller() != Caller.ADMIN_OWN_DATA) {
            assertTrue(status >= 400, "a request that must be rejected was accepted: " + context);
        }
        if (sent.caller() == Caller.ANONYMOUS) {
            assertTrue(
                    status == 401
                            || status == 406
                            || status == 413
                            || status == 415
                            || EDGE_STATUSES.contains(status)
                            || status == 404
                            || status == 405
                            || (status == 400
                                    && sent.uri().getRawQuery() != null
                                    && sent.uri().toString().contains("%00"))
                            || (status == 400 && sent.uri().getRawPath().contains("%00")),
                    "a write without a valid key is refused as unauthenticated: " + context);
        }
        if (status >= 400 && !EDGE_STATUSES.contains(status)) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("application/problem+json"), "an error is a problem document: " + context);
            JsonNode problem = MAPPER.readTree(body);
            assertEquals(status, problem.path("status").asInt(), "the problem's status is the HTTP status: " + context);
            assertTrue(
                    problem.path("title").isTextual() && problem.path("detail").isTextual(), context);
            assertTrue(
                    !body.contains("Exception") && !body.contains("java.") && !body.contains("org.planwatch"),
                    "a problem shows nothing of the server's internals: " + context);
        }
    }

    // ---- generating requests from the contract

    private Sent generate(Operation operation) {
        Caller caller = !operation.write()
                ? Caller.READER
                : pick(List.of(
                        Caller.ANONYMOUS,
                        Caller.ANONYMOUS,
                        Caller.OTHER_EVALUATOR,
                        Caller.ADMIN_INVALID,
                        Caller.ADMIN_INVALID,
                        Caller.ADMIN_OWN_DATA));
        if (caller == Caller.ADMIN_OWN_DATA && !ownDataWritable(operation)) {
            caller = Caller.ADMIN_INVALID;
        }
        boolean hostile = caller != Caller.ADMIN_OWN_DATA && random.nextInt(3) > 0;
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Param param : operation.params()) {
            switch (param.in()) {
                case "path" -> {
                    String value = pathValue(operation, param, caller, hostile && random.nextInt(3) == 0);
                    path = path.replace("{" + param.name() + "}", encode(value));
                }
                case "query" -> {
                    if (!param.required() && random.nextInt(3) == 0) {
                        continue;
                    }
                    int times = random.nextInt(8) == 0 ? 2 + random.nextInt(12) : 1; // duplicated parameters too
                    for (int t = 0; t < times; t++) {
                        String value = hostile && random.nextBoolean()
                                ? hostileString()
                                : validValue(param.name(), param.schema(), caller);
                        query.append(query.length() == 0 ? "?" : "&")
                                .append(encode(param.name()))
                                .append('=')
                                .append(encode(value));
                    }
                }
                case "header" -> {
                    if (random.nextBoolean()) {
                        headers.put(param.name(), headerValue());
                    }
                }
                default -> {}
            }
        }
        if (random.nextInt(10) == 0) { // a parameter nobody asked for
            query.append(query.length() == 0 ? "?" : "&")
                    .append(encode(hostileString()))
                    .append('=')
                    .append(encode(hostileString()));
        }
        authorize(caller, headers);
        if (random.nextInt(4) == 0) {
            headers.put("Accept", pick(ACCEPTS));
        }
        if (operation.method().equals("PUT") || operation.method().equals("DELETE")) {
            ifMatch(caller, headers);
        }
        if (random.nextInt(40) == 0) {
            headers.put("X-Oversized", "a".repeat(25_000)); // over the header limit: a 431 before the application
        } else if (random.nextInt(8) == 0) {
            headers.put("X-Fuzz", headerValue());
        }
        String contentType = null;
        byte[] body = null;
        if (operation.write() && !operation.method().equals("DELETE")) {
            String media = operation.bodies().isEmpty()
                    ? "application/json"
                    : pick(new ArrayList<>(operation.bodies().keySet()));
            contentType = caller == Caller.ADMIN_OWN_DATA
                    ? media
                    : random.nextInt(6) == 0 ? (random.nextBoolean() ? pick(CONTENT_TYPES) : null) : media;
            body = body(operation, media, caller).getBytes(StandardCharsets.UTF_8);
            if (caller != Caller.ADMIN_OWN_DATA && random.nextInt(60) == 0) {
                body = new byte[MAX_BODY_BYTES + 1 + random.nextInt(1024)]; // over the body limit: a 413
            } else if (random.nextInt(25) == 0 && caller != Caller.ADMIN_OWN_DATA) {
                body = new byte[0];
            }
        } else if (random.nextInt(20) == 0) {
            contentType = pick(CONTENT_TYPES);
            body = "{\"unexpected\": \"body\"}".getBytes(StandardCharsets.UTF_8);
        }
        boolean unchanged = caller != Caller.ADMIN_OWN_DATA;
        String method = operation.method();
        return new Sent(
                operation,
                caller,
                method,
                URI.create(base + path.substring(1) + query),
                headers,
                contentType,
                body,
                unchanged);
    }

    private void authorize(Caller caller, Map<String, String> headers) {
        switch (caller) {
            case ANONYMOUS -> {
                int choice = random.nextInt(6);
                if (choice == 1) {
                    headers.put(
                            "Authorization",
                            pick(List.of(
                                    "Bearer",
                                    "Bearer ",
                                    "Basic dXNlcjpwYXNz",
                                    "Bearer pw_notakey_000000",
                                    "Bearer "
                                            + fixture.ownKey()
                                                    .substring(
                                                            0, fixture.ownKey().length() - 2) + "xx",
                                    "bearer" + ADMIN.substring(6) + "x",
                                    "Bearer " + "a".repeat(2_000),
                                    ADMIN + " " + ADMIN,
                                    "Bearer ' OR 1=1 --")));
                }
            }
            case OTHER_EVALUATOR -> headers.put("Authorization", "Bearer " + fixture.ownKey());
            case ADMIN_INVALID, ADMIN_OWN_DATA -> headers.put("Authorization", ADMIN);
            case READER -> {
                if (random.nextInt(10) == 0) {
                    headers.put("Authorization", "Bearer pw_notakey_000000");
                }
            }
        }
    }

    private void ifMatch(Caller caller, Map<String, String> headers) {
        if (caller == Caller.ADMIN_OWN_DATA) {
            headers.put("If-Match", "*");
        } else if (caller == Caller.ANONYMOUS || caller == Caller.OTHER_EVALUATOR) {
            if (random.nextBoolean()) {
                headers.put("If-Match", "*"); // the right to write is checked whatever the precondition
            }
        } else if (random.nextBoolean()) { // the administrator, with a stale or malformed precondition, never "*"
            headers.put(
                    "If-Match",
                    pick(List.of(
                            "\"stale\"",
                            "W/\"stale\"",
                            "\"\"",
                            "garbage",
                            "\"a\", \"b\"",
                            "\"" + "x".repeat(3_000) + "\"")));
        } else {
            headers.remove("If-Match");
        }
    }

    /** Which operations the administrator may really perform in the fuzz: only on data the fixture owns, all deleted at the end. */
    private static boolean ownDataWritable(Operation operation) {
        return (operation.method().equals("POST")
                        && (operation.path().endsWith("/plans/{plan}/axes")
                                || operation.path().endsWith("/plans/{plan}/measures")
                                || operation.path().endsWith("/plans/{plan}/evaluations")))
                || (operation.method().equals("PUT") && operation.path().endsWith("/assessments/{measure}"));
    }

    private String pathValue(Operation operation, Param param, Caller caller, boolean hostile) {
        if (hostile) {
            return hostileString();
        }
        String path = operation.path();
        return switch (param.name()) {
            case "plan" ->
                caller == Caller.ADMIN_OWN_DATA
                        ? fixture.plan()
                        : caller == Caller.OTHER_EVALUATOR || !operation.write()
                                ? pick(List.of("2019-2021", fixture.plan()))
                                : pick(List.of("2019-2021", fixture.plan(), "2000-2001"));
            case "slug" -> pick(List.of("cncdh", "collectif-ensemble-contre-la-traite", fixture.other(), "nope"));
            case "id" ->
                path.startsWith("/api/v1/api-keys")
                        ? pick(List.of("999999999", "0", "abc"))
                        : caller == Caller.ADMIN_OWN_DATA
                                ? String.valueOf(fixture.ownEvaluation())
                                : caller == Caller.OTHER_EVALUATOR
                                        ? pick(List.of("1", String.valueOf(fixture.otherEvaluation())))
                                        : pick(List.of(
                                                "1",
                                                String.valueOf(fixture.otherEvaluation()),
                                                String.valueOf(fixture.ownEvaluation()),
                                                "999999999"));
            case "number", "measure" ->
                caller == Caller.ADMIN_OWN_DATA ? "1" : pick(List.of("1", "16", "45", "46", "999999999"));
            default -> validValue(param.name(), param.schema(), caller);
        };
    }

    private String validValue(String name, JsonNode schema, Caller caller) {
        switch (name) {
            case "status":
                return pick(List.of("IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "NOT_IMPLEMENTED", "NOT_ASSESSED"));
            case "asOf", "date":
                return pick(List.of("2023-01-12", "2020-01-01", "2099-12-31"));
            case "evaluator":
                return caller == Caller.OTHER_EVALUATOR
                        ? fixture.other()
                        : pick(List.of("cncdh", fixture.own(), fixture.other()));
            case "plan":
                return pick(List.of("2019-2021", fixture.plan()));
            case "limit":
                return String.valueOf(1 + random.nextInt(200));
            case "sourceUrl":
                return "https://example.org/" + random.nextInt(1000);
            default:
                break;
        }
        JsonNode value = valueOf(schema, 0);
        return value.isTextual() ? value.asText() : value.toString();
    }

    private String body(Operation operation, String media, Caller caller) {
        JsonNode schema = operation.bodies().get(media);
        if (media.equals("text/csv")) {
            if (caller == Caller.ADMIN_OWN_DATA || (caller != Caller.ADMIN_INVALID && random.nextBoolean())) {
                StringBuilder csv = new StringBuilder("measure;status;comment;evidenceUrl\n");
                for (int i = random.nextInt(3); i >= 0; i--) {
                    csv.append("1;")
                            .append(validValue("status", null, caller))
                            .append(';')
                            .append(csvCell(caller))
                            .append(";https://example.org/e\n");
                }
                return csv.toString();
            }
            return pick(MALFORMED_CSV);
        }
        if (caller == Caller.ADMIN_OWN_DATA) {
            return valueOf(schema, 0).toString();
        }
        int kind = random.nextInt(caller == Caller.ADMIN_INVALID ? 5 : 6);
        return switch (kind) {
            case 0 -> pick(MALFORMED_JSON);
            case 1 -> pick(List.of("[]", "null", "42", "\"text\"", "true", "[{}]"));
            case 2 -> mutate(valueOf(schema, 0), schema, true).toString();
            case 3 -> mutate(valueOf(schema, 0), schema, false).toString();
            case 4 -> withoutRequired(valueOf(schema, 0), schema).toString();
            default -> valueOf(schema, 0).toString(); // a valid body, sent by someone who may not send it
        };
    }

    private String csvCell(Caller caller) {
        String cell = caller == Caller.ADMIN_OWN_DATA
                ? pick(List.of("ok", "' OR 1=1 --", "😀 é", "=SUM(A1)", "..\\.."))
                : hostileString();
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    /** A valid-looking instance of a schema: what a correct client could send. */
    private JsonNode valueOf(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema == null || schema.isMissingNode() || depth > 6) {
            return JSON.nullNode();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = typeOf(schema);
        switch (type) {
            case "object": {
                ObjectNode object = JSON.objectNode();
                JsonNode properties = schema.path("properties");
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (isRequired(schema, property.getKey()) || random.nextBoolean()) {
                        object.set(property.getKey(), namedValue(property.getKey(), property.getValue(), depth));
                    }
                }
                return object;
            }
            case "array": {
                ArrayNode array = JSON.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(valueOf(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer":
                return JSON.numberNode(1 + random.nextInt(50));
            case "number":
                return JSON.numberNode(random.nextDouble());
            case "boolean":
                return JSON.booleanNode(random.nextBoolean());
            default: {
                String format = schema.path("format").asText("");
                if (format.equals("date")) {
                    return JSON.textNode(validValue("date", null, Caller.READER));
                }
                int max = schema.path("maxLength").asInt(100);
                String text = pick(List.of(
                        "Texte de test",
                        "' OR '1'='1",
                        "😀 𝕏 é ü",
                        "<b>gras</b>",
                        "a\tb\nc",
                        "x".repeat(Math.min(max, 400))));
                return JSON.textNode(text.length() > max ? text.substring(0, max) : text);
            }
        }
    }

    private JsonNode namedValue(String name, JsonNode schema, int depth) {
        return switch (name) {
            case "url", "archivedUrl", "website", "evidenceUrl" ->
                JSON.textNode("https://example.org/" + random.nextInt(100));
            case "slug" -> JSON.textNode("fuzz-" + random.nextInt(1_000_000));
            case "evaluator" -> JSON.textNode(fixture.other());
            case "measure", "number", "axis" -> JSON.numberNode(1);
            case "startYear", "endYear" -> JSON.numberNode(2300 + random.nextInt(50));
            default -> valueOf(schema, depth + 1);
        };
    }

    /** The instance with one property made surely wrong: a wrong type, or a string over its maximum length. */
    private JsonNode mutate(JsonNode value, JsonNode schema, boolean wrongType) {
        schema = resolve(schema);
        if (!(value instanceof ObjectNode object) || !schema.has("properties")) {
            return pick(List.of(JSON.textNode("not an object"), JSON.numberNode(1), JSON.arrayNode()));
        }
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        String name = pick(names);
        JsonNode property = resolve(schema.path("properties").path(name));
        String type = property.has("enum") ? "enum" : typeOf(property);
        if (!wrongType && type.equals("string") && property.has("maxLength")) {
            object.put(
                    name,
                    pick(List.of("é", "a", "😀"))
                            .repeat(property.get("maxLength").asInt() + 1 + random.nextInt(50)));
            return object;
        }
        object.set(
                name,
                switch (type) {
                    case "integer", "number" ->
                        pick(List.of(
                                JSON.textNode("abc"),
                                JSON.numberNode(1e308),
                                JSON.textNode("1e999999"),
                                JSON.objectNode(),
                                JSON.arrayNode(),
                                JSON.numberNode(new BigInteger("9".repeat(60)))));
                    case "array" -> pick(List.of(JSON.textNode("not a list"), JSON.numberNode(7), JSON.objectNode()));
                    case "object" ->
                        pick(List.of(JSON.textNode("not an object"), JSON.numberNode(7), JSON.arrayNode()));
                    case "enum" ->
                        pick(List.of(
                                JSON.textNode("DONE"),
                                JSON.textNode("implemented"),
                                JSON.objectNode(),
                                JSON.textNode("IMPLEMENTED\u0000")));
                    case "boolean" -> pick(List.of(JSON.textNode("maybe"), JSON.objectNode()));
                    default -> pick(List.of(JSON.objectNode(), JSON.arrayNode().add(1)));
                });
        return object;
    }

    private JsonNode withoutRequired(JsonNode value, JsonNode schema) {
        schema = resolve(schema);
        if (value instanceof ObjectNode object && schema.path("required").size() > 0) {
            JsonNode required = schema.path("required");
            String name = required.get(random.nextInt(required.size())).asText();
            if (random.nextBoolean()) {
                object.remove(name);
            } else {
                object.putNull(name);
            }
            return object;
        }
        return mutate(value, schema, true);
    }

    private String hostileString() {
        String value = pick(HOSTILE);
        return random.nextInt(10) == 0 ? value + pick(HOSTILE) : value;
    }

    /** Header values the HTTP client can send: visible ASCII, space and tab. */
    private String headerValue() {
        String value = hostileString().replaceAll("[^\\x20-\\x7e\\t]", "");
        return value.isBlank() ? "x" : value.strip();
    }

    // ---- the contract

    private JsonNode openapi;

    private List<Operation> operations(JsonNode document) {
        openapi = document;
        List<Operation> operations = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    String method = entry.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                        return;
                    }
                    JsonNode operation = entry.getValue();
                    List<Param> params = new ArrayList<>();
                    for (JsonNode param : operation.path("parameters")) {
                        JsonNode p = resolve(param);
                        params.add(new Param(
                                p.path("name").asText(),
                                p.path("in").asText(),
                                p.path("schema"),
                                p.path("required").asBoolean()));
                    }
                    Map<String, JsonNode> bodies = new LinkedHashMap<>();
                    operation
                            .path("requestBody")
                            .path("content")
                            .fields()
                            .forEachRemaining(media ->
                                    bodies.put(media.getKey(), media.getValue().path("schema")));
                    operations.add(new Operation(method, path.getKey(), params, bodies, operation.path("responses")));
                }));
        return operations;
    }

    private JsonNode resolve(JsonNode schema) {
        int hops = 0;
        while (schema != null && schema.has("$ref") && hops++ < 10) {
            String ref = schema.get("$ref").asText();
            schema = openapi.at(ref.substring(1));
        }
        return schema;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.isTextual() ? type.asText() : schema.has("properties") ? "object" : "string";
    }

    private static boolean isRequired(JsonNode schema, String name) {
        for (JsonNode required : schema.path("required")) {
            if (required.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    // ---- the data the test owns

    private Fixture createFixture() throws Exception {
        String plan;
        int status;
        int start;
        do { // a free period in the 22nd century, which no real plan uses
            start = 2100 + new SecureRandom().nextInt(99);
            plan = start + "-" + (start + 1);
            status = json(
                            "POST",
                            "api/v1/plans",
                            ADMIN,
                            Map.of(
                                    "startYear",
                                    start,
                                    "endYear",
                                    start + 1,
                                    "title",
                                    "Plan du fuzz",
                                    "source",
                                    Map.of("title", "Source", "url", "https://example.org/plan")))
                    .statusCode();
        } while (status == 409);
        assertEquals(201, status);
        String own = "fuzz-own-" + start;
        String other = "fuzz-other-" + start;
        expect(201, json("POST", "api/v1/plans/" + plan + "/axes", ADMIN, Map.of("number", 1, "title", "Axe du fuzz")));
        expect(
                201,
                json(
                        "POST",
                        "api/v1/plans/" + plan + "/measures",
                        ADMIN,
                        Map.of("number", 1, "axis", 1, "title", "Mesure du fuzz")));
        for (String slug : List.of(own, other)) {
            expect(
                    201,
                    json(
                            "POST",
                            "api/v1/evaluators",
                            ADMIN,
                            Map.of(
                                    "slug",
                                    slug,
                                    "name",
                                    "Évaluateur " + slug,
                                    "shortName",
                                    slug,
                                    "kind",
                                    "CIVIL_SOCIETY")));
        }
        long ownEvaluation = evaluation(plan, own);
        long otherEvaluation = evaluation(plan, other);
        JsonNode key = MAPPER.readTree(expect(
                        201,
                        json(
                                "POST",
                                "api/v1/api-keys",
                                ADMIN,
                                Map.of("name", "fuzz " + own, "role", "EVALUATOR", "evaluator", own)))
                .body());
        return new Fixture(
                plan,
                own,
                other,
                ownEvaluation,
                otherEvaluation,
                key.path("key").asText(),
                key.path("apiKey").path("id").asLong());
    }

    private long evaluation(String plan, String evaluator) throws Exception {
        HttpResponse<byte[]> created = expect(
                201,
                json(
                        "POST",
                        "api/v1/plans/" + plan + "/evaluations",
                        ADMIN,
                        Map.of(
                                "evaluator",
                                evaluator,
                                "title",
                                "Évaluation du fuzz",
                                "date",
                                "2024-01-01",
                                "source",
                                Map.of("title", "Source", "url", "https://example.org/e"),
                                "assessments",
                                List.of(Map.of("measure", 1, "status", "NOT_IMPLEMENTED")))));
        return MAPPER.readTree(created.body()).path("id").asLong();
    }

    /** Other tests read the shipped dataset as the only plan: leave nothing behind. */
    private void deleteFixture() throws Exception {
        if (fixture == null) {
            return;
        }
        Map<String, String> headers = Map.of("Authorization", ADMIN, "If-Match", "*");
        for (long evaluation : List.of(fixture.ownEvaluation(), fixture.otherEvaluation())) {
            send("DELETE", "api/v1/evaluations/" + evaluation, headers, null, null);
        }
        expect(204, send("DELETE", "api/v1/plans/" + fixture.plan() + "?cascade=true", headers, null, null));
        for (String evaluator : List.of(fixture.own(), fixture.other())) {
            expect(204, send("DELETE", "api/v1/evaluators/" + evaluator + "?cascade=true", headers, null, null));
        }
        String plans =
                new String(send("GET", "api/v1/plans", Map.of(), null, null).body(), StandardCharsets.UTF_8);
        List<String> slugs = new ArrayList<>();
        MAPPER.readTree(plans)
                .path("items")
                .forEach(plan -> slugs.add(plan.path("slug").asText()));
        assertEquals(List.of("2019-2021"), slugs, "the fuzz left a plan behind");
    }

    // ---- HTTP

    private HttpResponse<byte[]> json(String method, String path, String authorization, Object body) throws Exception {
        return send(
                method,
                path,
                Map.of("Authorization", authorization),
                "application/json",
                MAPPER.writeValueAsBytes(body));
    }

    private static HttpResponse<byte[]> expect(int status, HttpResponse<byte[]> response) {
        assertEquals(status, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }

    private HttpResponse<byte[]> send(
            String method, String path, Map<String, String> headers, String contentType, byte[] body) throws Exception {
        return send(new Sent(null, Caller.READER, method, URI.create(base + path), headers, contentType, body, false));
    }

    private HttpResponse<byte[]> send(Sent sent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(sent.uri())
                .timeout(Duration.ofSeconds(30))
                .method(
                        sent.method(),
                        sent.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(sent.body()));
        sent.headers().forEach(request::header);
        if (sent.contentType() != null) {
            request.header("Content-Type", sent.contentType());
        }
        HttpResponse<byte[]> response;
        if (refusedOnHeaders(sent)) {
            Map<String, String> headers = new LinkedHashMap<>(sent.headers());
            if (sent.contentType() != null) {
                headers.put("Content-Type", sent.contentType());
            }
            response = HeadersOnly.send(request.build(), headers, sent.body().length);
            ContractValidation.assertAllowed(response);
            return response;
        }
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException closed) {
            // The server closes the connection after an answer it gives before reading the body (413, 431); the client
            // may already have sent the next request on it, or on another pooled connection closed the same way. Once
            // more, on a connection of its own (a client without a pool): a second failure fails.
            HttpClient fresh = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            response = fresh.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        ContractValidation.assertAllowed(response); // whatever was sent, the answer is one the contract allows
        return response;
    }

    /** Over the body limit by its Content-Length, or over the header limit: refused before the body is read. */
    private static boolean refusedOnHeaders(Sent sent) {
        return sent.body() != null
                && (sent.body().length > MAX_BODY_BYTES || sent.headers().containsKey("X-Oversized"));
    }

    // ---- the database, table by table

    private List<String> tables() throws Exception {
        return TableDigests.tables(dataSource);
    }

    private Map<String, String> digest() throws Exception {
        return TableDigests.digest(dataSource, tables);
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream()
                .filter(table -> !before.get(table).equals(after.get(table)))
                .collect(Collectors.joining(", "));
    }

    // ---- helpers

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
