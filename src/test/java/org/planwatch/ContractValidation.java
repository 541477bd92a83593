package org.planwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Checks every answer the tests receive against the contract the service serves (/q/openapi), with an independent
 * OpenAPI 3.1 schema validator (networknt json-schema-validator, OpenAPI 3.1 dialect, formats asserted): the status must
 * be documented for the operation, the media type must be one the contract lists for it, the body must be valid against
 * that media type's schema, and every documented header that is sent must be valid against its schema. An answer the
 * contract does not allow fails the test that got it.
 *
 * <p>Installed for every RestAssured request of every {@code @QuarkusTest} by {@link ContractValidationInstaller}; tests
 * that use the JDK's HTTP client call {@link #assertAllowed} on each answer. Requests are not checked: many tests send invalid
 * ones on purpose. Paths outside the contract (health, pages, embeds, the document itself) and methods it does not
 * list for a path are not checked.
 */
public final class ContractValidation implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Contract> CONTRACTS = new ConcurrentHashMap<>();

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        Response response = context.next(request, expected);
        String uri = request.getURI();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.getHeaders().forEach(header -> headers.putIfAbsent(header.getName(), header.getValue()));
        List<String> violations = violations(
                origin(uri),
                request.getMethod(),
                rawPath(uri),
                response.getStatusCode(),
                headers,
                response.asByteArray());
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    report(request.getMethod() + " " + uri, response.getStatusCode(), violations, response.asString()));
        }
        return response;
    }

    /**
     * What the contract served at {@code origin} (scheme, host and port) does not allow in this answer; empty when it
     * allows it or does not describe the path and method.
     */
    public static List<String> violations(
            String origin, String method, String rawPath, int status, Map<String, String> headers, byte[] body) {
        return CONTRACTS
                .computeIfAbsent(origin, Contract::load)
                .check(method, rawPath, status, headers, decoded(headers, body));
    }

    /** The body as the server meant it: a test that turns the client's decoding off gets gzip bytes. */
    private static byte[] decoded(Map<String, String> headers, byte[] body) {
        boolean gzip = String.valueOf(headers.get("Content-Encoding")).contains("gzip");
        if (!gzip || body == null || body.length < 2 || body[0] != (byte) 0x1f || body[1] != (byte) 0x8b) {
            return body;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            return body; // reported as a body that is not what its Content-Type says
        }
    }

    /** For the tests that use the JDK's HTTP client: fails when the contract does not allow this answer (body as bytes or text). */
    public static void assertAllowed(HttpResponse<?> response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
        byte[] body = response.body() instanceof byte[] bytes
                ? bytes
                : response.body() instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
        String uri = response.request().uri().toString();
        List<String> violations = violations(
                origin(uri), response.request().method(), rawPath(uri), response.statusCode(), headers, body);
        if (!violations.isEmpty()) {
            throw new AssertionError(report(
                    response.request().method() + " " + uri,
                    response.statusCode(),
                    violations,
                    new String(body, StandardCharsets.UTF_8)));
        }
    }

    /** The message of a failed check, with the start of the body. */
    public static String report(String request, int status, List<String> violations, String body) {
        return "The contract (/q/openapi) does not allow the answer " + status + " to " + request + ":\n  - "
                + String.join("\n  - ", violations) + "\n  body: "
                + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
    }

    private static final Pattern ORIGIN = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*");

    /** Scheme, host and port, read as text: the tests send malformed URLs on purpose. */
    static String origin(String uri) {
        Matcher origin = ORIGIN.matcher(uri);
        if (!origin.find()) {
            throw new IllegalArgumentException("Not an absolute URL: " + uri);
        }
        return origin.group();
    }

    static String rawPath(String uri) {
        String afterAuthority = ORIGIN.matcher(uri).replaceFirst("");
        int end = afterAuthority.length();
        for (char c : new char[] {'?', '#'}) {
            int at = afterAuthority.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String path = afterAuthority.substring(0, end);
        return path.isEmpty() ? "/" : path;
    }

    /** One served document, its operations and the schemas compiled from it. */
    static final class Contract {

        private static final String LOCATION = "https://planwatch.contract/openapi.json";

        private final JsonNode document;
        private final List<Template> templates = new ArrayList<>();
        private final SchemaRegistry registry;
        private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

        Contract(String json) {
            try {
                document = JSON.readTree(json);
            } catch (IOException e) {
                throw new IllegalStateException("The served OpenAPI document is not JSON", e);
            }
            document.path("paths").fieldNames().forEachRemaining(path -> templates.add(new Template(path)));
            // The most literal template first: /evaluations/{id}.csv before /evaluations/{id}.
            templates.sort(Comparator.comparingInt(Template::literalLength).reversed());
            SchemaRegistryConfig config =
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            registry = SchemaRegistry.withDialect(
                    Dialects.getOpenApi31(),
                    builder -> builder.schemaRegistryConfig(config).schemas(Map.of(LOCATION, json)));
        }

        static Contract load(String origin) {
            try {
                HttpResponse<String> served = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .build()
                        .send(
                                HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                                        .timeout(Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (served.statusCode() != 200) {
                    throw new IllegalStateException("GET /q/openapi answered " + served.statusCode());
                }
                return new Contract(served.body());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the contract at " + origin + "/q/openapi", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<String> check(String method, String rawPath, int status, Map<String, String> headers, byte[] body) {
            Optional<Template> template =
                    templates.stream().filter(t -> t.matches(rawPath)).findFirst();
            String verb = method.toLowerCase(Locale.ROOT);
            boolean head = verb.equals("head");
            JsonNode operation = template.map(
                            t -> document.path("paths").path(t.path).path(head ? "get" : verb))
                    .orElse(null);
            if (operation == null || operation.isMissingNode()) {
                return List.of();
            }
            String operationPointer =
                    "/paths/" + pointer(template.get().path) + "/" + (head ? "get" : verb) + "/responses/";
            String code = String.valueOf(status);
            JsonNode responses = operation.path("responses");
            String documented = responses.has(code)
                    ? code
                    : responses.has(code.charAt(0) + "XX")
                            ? code.charAt(0) + "XX"
                            : responses.has("default") ? "default" : null;
            String operationName = method + " " + template.get().path;
            if (documented == null) {
                return List.of(
                        operationName + " documents no " + status + " answer (it documents " + names(responses) + ")");
            }
            String where = operationPointer + pointer(documented);
            JsonNode response = responses.path(documented);
            List<String> violations = new ArrayList<>();
            response.path("headers").fields().forEachRemaining(header -> {
                String value = headers.get(header.getKey());
                if (value == null) {
                    if (header.getValue().path("required").asBoolean(false)) {
                        violations.add("the required header " + header.getKey() + " is missing");
                    }
                } else if (header.getValue().has("schema")) {
                    String at = where + "/headers/" + pointer(header.getKey()) + "/schema";
                    validate(at, TextNode.valueOf(value).toString(), "header " + header.getKey(), violations);
                }
            });
            JsonNode content = response.path("content");
            boolean hasBody = body != null && body.length > 0;
            String contentType = headers.get("Content-Type");
            if (!hasBody) {
                if (content.size() > 0 && !head) {
                    violations.add("no body, but the contract describes one as " + names(content));
                }
                return violations;
            }
            if (content.size() == 0) {
                violations.add("a body (" + contentType + "), but the contract describes none for " + status);
                return violations;
            }
            if (contentType == null) {
                violations.add("a body without Content-Type; the contract says " + names(content));
                return violations;
            }
            String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            String listed = content.has(mediaType)
                    ? mediaType
                    : content.has(mediaType.replaceFirst("/.*", "/*"))
                            ? mediaType.replaceFirst("/.*", "/*")
                            : content.has("*/*") ? "*/*" : null;
            if (listed == null) {
                violations.add("Content-Type " + contentType + " is not one the contract lists for " + status + ": "
                        + names(content));
                return violations;
            }
            if (head || !content.path(listed).has("schema")) {
                return violations;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
            // Other media types (CSV, SVG) are described as strings: their text is the instance.
            validate(
                    where + "/content/" + pointer(listed) + "/schema",
                    json ? text : TextNode.valueOf(text).toString(),
                    "body",
                    violations);
            return violations;
        }

        private void validate(String pointer, String instance, String what, List<String> violations) {
            Schema schema =
                    schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(LOCATION + "#" + p)));
            List<Error> errors;
            try {
                errors = schema.validate(instance, InputFormat.JSON);
            } catch (RuntimeException unreadable) {
                violations.add(what + " is not valid JSON: " + unreadable.getMessage());
                return;
            }
            errors.forEach(error -> violations.add(what + " " + error.toString()));
        }

        private static String names(JsonNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            return names.toString();
        }

        /** A JSON pointer segment (RFC 6901), percent-encoded where a URI fragment needs it. */
        private static String pointer(String segment) {
            String escaped = segment.replace("~", "~0").replace("/", "~1");
            StringBuilder encoded = new StringBuilder();
            for (char c : escaped.toCharArray()) {
                encoded.append(
                        c == '{' ? "%7B" : c == '}' ? "%7D" : c == ' ' ? "%20" : c == '%' ? "%25" : String.valueOf(c));
            }
            return encoded.toString();
        }
    }

    /** A path of the contract, /api/v1/plans/{plan}/measures.csv, as a pattern of raw request paths. */
    private record Template(String path, Pattern pattern, int literalLength) {

        Template(String path) {
            this(
                    path,
                    Pattern.compile(quoted(path)),
                    path.replaceAll("\\{[^}]*}", "").length());
        }

        private static String quoted(String path) {
            StringBuilder regex = new StringBuilder();
            for (String part : path.split("(?=\\{)|(?<=})")) {
                regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
            }
            return regex.toString();
        }

        boolean matches(String rawPath) {
            return pattern.matcher(rawPath).matches();
        }
    }
}
