package org.planwatch.common.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.history.Idempotency;

/**
 * Documents the error answers every operation can give, as problem+json, so that each resource
 * method does not repeat them: 400 when it takes parameters, 404 when it addresses something by
 * path, 406, 413, 429, 500 and 503 always, and 414 and 431 without a body; and what every parameter accepts (lengths, ranges, how many values),
 * as the parsing in {@link QueryParams} enforces it. Names each operation uniquely, after its method and path.
 */
public class ProblemResponses implements OASFilter {

    private static final Set<String> SLUGS = Set.of("plan", "slug");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        paths.forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
                write(paths, path, method, operation);
            } else if (path.endsWith("/badge.svg")) {
                badge(operation);
            }
        }));
        paths.forEach((path, item) -> {
            if (path.endsWith(".csv")) {
                sameCsv(item, paths.get(path.substring(0, path.length() - ".csv".length())));
            }
        });
        paths.values().forEach(path -> path.getOperations().forEach(this::addProblems));
        Schema audit = openAPI.getComponents() == null
                ? null
                : openAPI.getComponents().getSchemas().get("AuditEntry");
        if (audit != null && audit.getProperties() != null) {
            // The scanner sees Jackson's JsonNode as an array; before and after are the resource as GET shows it, an
            // object, or null.
            for (String side : List.of("before", "after")) {
                Schema property = audit.getProperties().get(side);
                if (property != null) {
                    audit.addProperty(
                            side,
                            OASFactory.createSchema()
                                    .type(List.of(Schema.SchemaType.OBJECT, Schema.SchemaType.NULL))
                                    .description(property.getDescription()));
                }
            }
            // Jackson's tree type was used there only: its schemas would be left over, and generated clients trip on
            // them.
            Set.of("JsonNode", "JsonNodeType").forEach(openAPI.getComponents()::removeSchema);
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(ProblemResponses::nullableReferences);
            strictRequestBodies(openAPI);
        }
        paths.forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getRequestBody() != null) {
                jsonFirst(operation.getRequestBody().getContent());
            }
            operation.getResponses().getAPIResponses().values().forEach(response -> jsonFirst(response.getContent()));
            answerHeaders(path, method, operation);
            operation.setOperationId(operationId(method, path, operation.getOperationId()));
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(ProblemResponses::limit);
            }
        }));
    }

    /**
     * Where an operation reads or answers JSON and CSV, JSON comes first: client generators type an operation by the
     * first media type they meet, and a JSON client given a String (or made to send CSV) is no client at all.
     */
    private static void jsonFirst(Content content) {
        if (content == null
                || content.getMediaTypes() == null
                || content.getMediaTypes().size() < 2) {
            return;
        }
        Map<String, MediaType> ordered = new LinkedHashMap<>();
        content.getMediaTypes().forEach((type, media) -> {
            if (type.equals("application/json")) {
                ordered.put(type, media);
            }
        });
        ordered.putAll(content.getMediaTypes());
        content.setMediaTypes(ordered);
    }

    /**
     * A property that may be null is always sent, as null (docs/design.md, "Nullable fields and strict request bodies"): {@code @Schema(nullable = true)} gives
     * {@code type: [string, "null"]}, and for a reference {@code anyOf: [{$ref}, {type: "null"}]}. Beside that anyOf the
     * scanner leaves a {@code type}, sometimes without "null" (MeasureDetail.statusSource); the anyOf alone says it.
     */
    private static void nullableReferences(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().stream()
                .filter(property -> property.getAnyOf() != null
                        && property.getAnyOf().stream().anyMatch(s -> s.getRef() != null))
                .forEach(property -> property.setType(null));
    }

    /**
     * A request body may hold only the properties its schema defines (StrictJson refuses the others), so every object
     * schema of a request body says {@code additionalProperties: false}. Answers stay open: a client must accept
     * properties added later. A schema that both use (Source, Evidence) is copied for requests, as SourceInput.
     */
    private static void strictRequestBodies(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        List<Schema> bodies = new ArrayList<>();
        Set<String> requested = new LinkedHashSet<>();
        Set<String> answered = new HashSet<>();
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(operation -> {
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        operation
                                .getRequestBody()
                                .getContent()
                                .getMediaTypes()
                                .values()
                                .forEach(media -> bodies.add(media.getSchema()));
                    }
                    operation.getResponses().getAPIResponses().values().stream()
                            .filter(response -> response.getContent() != null)
                            .forEach(response -> response.getContent()
                                    .getMediaTypes()
                                    .values()
                                    .forEach(media -> reach(media.getSchema(), schemas, answered)));
                }));
        bodies.forEach(body -> reach(body, schemas, requested));
        Map<String, String> copies = new HashMap<>();
        for (String name : requested) {
            if (answered.contains(name) && schemas.get(name).getProperties() != null) {
                copies.put(name, name + "Input");
                openAPI.getComponents().addSchema(name + "Input", copy(schemas.get(name)));
            }
        }
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        bodies.forEach(body -> closeForRequests(body, schemas, copies, seen));
        openAPI.getComponents()
                .setSchemas(new TreeMap<>(openAPI.getComponents().getSchemas())); // the copies in order too
    }

    /** Adds the names of the component schemas that {@code schema} uses, directly or not. */
    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (names.add(name)) {
                reach(schemas.get(name), schemas, names);
            }
        }
        parts(schema).forEach(part -> reach(part, schemas, names));
    }

    /** Points a request body's references at the request copies, and closes every object schema it reaches. */
    private static void closeForRequests(
            Schema schema, Map<String, Schema> schemas, Map<String, String> copies, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (copies.containsKey(name)) {
                name = copies.get(name);
                schema.setRef(name);
            }
            closeForRequests(schemas.get(name), schemas, copies, seen);
        }
        if (schema.getProperties() != null) {
            schema.setAdditionalPropertiesBoolean(false);
        }
        parts(schema).forEach(part -> closeForRequests(part, schemas, copies, seen));
    }

    private static List<Schema> parts(Schema schema) {
        List<Schema> parts = new ArrayList<>();
        if (schema.getProperties() != null) {
            parts.addAll(schema.getProperties().values());
        }
        parts.add(schema.getItems());
        parts.add(schema.getAdditionalPropertiesSchema());
        for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                parts.addAll(list);
            }
        }
        parts.removeIf(Objects::isNull);
        return parts;
    }

    /** A deep copy, so that closing it leaves the original (the answers' schema) open. */
    private static Schema copy(Schema schema) {
        Schema copy = OASFactory.createSchema();
        schema.getAll().forEach((keyword, value) -> copy.set(keyword, copied(value)));
        return copy;
    }

    private static Object copied(Object value) {
        if (value instanceof Schema schema) {
            return copy(schema);
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(ProblemResponses::copied).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, copied(item)));
            return copy;
        }
        return value;
    }

    /**
     * A CSV at an address of its own ({@code /measures.csv}) is the one its address without ".csv" answers to
     * {@code Accept: text/csv}: documented once, on the download, and shown again there.
     */
    private static void sameCsv(PathItem download, PathItem negotiated) {
        APIResponse csv = download.getGET().getResponses().getAPIResponse("200");
        APIResponse ok = negotiated == null || negotiated.getGET() == null
                ? null
                : negotiated.getGET().getResponses().getAPIResponse("200");
        if (ok != null && ok.getContent() != null && ok.getContent().getMediaType(CSV) != null) {
            ok.getContent().addMediaType(CSV, csv.getContent().getMediaType(CSV));
        }
    }

    private static final String CSV = "text/csv";

    /** Every badge answers an SVG image, a string. */
    private static void badge(Operation operation) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null && isPlaceholder(ok)) {
            ok.setDescription("The badge.");
            ok.getContent()
                    .getMediaTypes()
                    .values()
                    .forEach(media ->
                            media.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        }
    }

    /**
     * What every write shares, unless its method documents it otherwise: an API key (the security requirement); the
     * If-Match it needs, with the resource's current ETag; for a POST or a PUT, the resource as GET shows it at its
     * address (which is what {@code history.Writes} answers), "created" (201) or "updated" (200); for a DELETE, a 204.
     */
    private static void write(
            Map<String, PathItem> paths, String path, PathItem.HttpMethod method, Operation operation) {
        String thing = thing(path);
        if (operation.getParameters() != null) {
            operation.setParameters(operation.getParameters().stream()
                    .map(parameter -> ifMatch(parameter, thing))
                    .toList());
        }
        String status = method == PathItem.HttpMethod.POST ? "201" : "200";
        String item = path.endsWith("}")
                ? path
                : paths.keySet().stream()
                        .filter(other -> other.matches(Pattern.quote(path) + "/\\{[a-z]+}"))
                        .findFirst()
                        .orElse(null);
        Operation get = item == null ? null : paths.get(item).getGET();
        APIResponse ok = get == null ? null : get.getResponses().getAPIResponse("200");
        MediaType json =
                ok == null || ok.getContent() == null ? null : ok.getContent().getMediaType("application/json");
        Schema shown = json == null ? null : json.getSchema();
        // The scanner answers a method returning a Response with a 200 "OK" of no schema: a placeholder.
        boolean documented = operation.getResponses().getAPIResponse(status) != null
                && !isPlaceholder(operation.getResponses().getAPIResponse(status));
        if ((method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) && shown != null && !documented) {
            first(
                    operation,
                    status,
                    OASFactory.createAPIResponse()
                            .description("The " + thing + ", " + (status.equals("201") ? "created." : "updated."))
                            .content(OASFactory.createContent()
                                    .addMediaType(
                                            "application/json",
                                            OASFactory.createMediaType()
                                                    .schema(OASFactory.createSchema()
                                                            .ref(shown.getRef())))));
        }
        if (documented) { // the scanner's placeholder beside it goes (a POST that reads JSON or CSV has two methods)
            first(operation, status, operation.getResponses().getAPIResponse(status));
        }
        if (method == PathItem.HttpMethod.DELETE && operation.getResponses().getAPIResponse("204") == null) {
            first(operation, "204", OASFactory.createAPIResponse().description("Deleted."));
        }
        if (operation.getSecurity() == null) {
            operation.addSecurityRequirement(
                    OASFactory.createSecurityRequirement().addScheme("apiKey"));
        }
    }

    /** Puts the answer a write gives first, in place of the scanner's placeholder. */
    private static void first(Operation operation, String status, APIResponse answer) {
        Map<String, APIResponse> responses = new LinkedHashMap<>();
        responses.put(status, answer);
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (!isPlaceholder(response)) {
                responses.putIfAbsent(code, response);
            }
        });
        operation.getResponses().setAPIResponses(responses);
    }

    private static boolean isPlaceholder(APIResponse response) {
        return "OK".equals(response.getDescription())
                && response.getContent() != null
                && response.getContent().getMediaTypes().values().stream()
                        .allMatch(media ->
                                media.getSchema() == null || media.getSchema().getRef() == null);
    }

    /** An If-Match the method does not describe: required, with the resource's current ETag. */
    private static Parameter ifMatch(Parameter parameter, String thing) {
        if (!"If-Match".equals(parameter.getName())
                || parameter.getIn() != Parameter.In.HEADER
                || parameter.getDescription() != null) {
            return parameter;
        }
        return OASFactory.createParameter()
                .description("The " + thing + (thing.endsWith("s") ? "'" : "'s") + " current ETag.")
                .required(true)
                .name(parameter.getName())
                .in(parameter.getIn())
                .schema(parameter.getSchema());
    }

    /** What a path addresses, in the singular: "axis" for /plans/{plan}/axes and /plans/{plan}/axes/{number}. */
    static String thing(String path) {
        String[] segments = path.split("/");
        String noun = segments[segments.length - (path.endsWith("}") ? 2 : 1)];
        return noun.equals("axes") ? "axis" : noun.endsWith("s") ? noun.substring(0, noun.length() - 1) : noun;
    }

    /**
     * "list" on /plans/{plan}/measures becomes "listMeasures", "get" on /plans/{plan}/measures/{number} "getMeasure":
     * the Java method's name followed by what the path addresses, unique in the document.
     */
    static String operationId(PathItem.HttpMethod method, String path, String methodName) {
        String[] segments = path.replaceFirst("^" + ApiPaths.V1 + "/", "").split("/");
        String last = segments[segments.length - 1];
        boolean one = last.startsWith("{");
        String noun = one ? segments[segments.length - 2] : last;
        String suffix = "";
        if (noun.endsWith(".csv") || noun.endsWith(".svg")) {
            suffix = noun.endsWith(".csv") ? "Csv" : "Badge";
            noun = noun.substring(0, noun.lastIndexOf('.'));
        }
        if (last.matches("\\{[a-z]+}\\.csv")) {
            suffix = "Csv";
            one = true;
            noun = segments[segments.length - 2];
        }
        if (noun.equals("badge")) {
            one = segments.length > 2;
            noun = segments.length > 2 ? segments[segments.length - 3] : segments[0];
        }
        StringBuilder name = new StringBuilder();
        for (String word : noun.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        String thing = name.toString();
        if (one || "create".equals(methodName)) {
            thing = thing.equals("Axes")
                    ? "Axis"
                    : thing.endsWith("s") ? thing.substring(0, thing.length() - 1) : thing;
        }
        String verb = methodName == null ? method.name().toLowerCase() : methodName;
        return verb.toLowerCase().endsWith(thing.toLowerCase()) ? verb + suffix : verb + thing + suffix;
    }

    /** What a parameter accepts, as the server checks it (docs/limits.md). */
    private static void limit(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null || schema.getRef() != null) {
            return;
        }
        switch (parameter.getName()) {
            case "limit" -> whole(parameter, QueryParams.MAX_LIMIT).defaultValue(QueryParams.DEFAULT_LIMIT);
            case "number", "measure", "id", "axis", "evaluation" -> whole(parameter, 999_999_999);
            case "status" -> schema.maxItems(QueryParams.MAX_VALUES);
            case "q" -> schema.maxLength(200);
            case "lead" -> schema.maxLength(500);
            case "startYear", "endYear" -> schema.maxLength(4).pattern("^[0-9]{4}$");
            case "presentedOn" -> schema.format("date").maxLength(10);
            case "plan" -> schema.maxLength(9).pattern("^" + QueryParams.PLAN_SLUG + "$");
            case "slug", "evaluator" ->
                schema.maxLength(QueryParams.SLUG_MAX_LENGTH).pattern("^" + QueryParams.SLUG + "$");
            case "asOf", "date" -> schema.format("date").maxLength(10);
            case "cursor", "since" -> schema.maxLength(100).pattern("^[A-Za-z0-9_-]+$");
            case "lang" -> schema.maxLength(2).enumeration(List.<Object>of("fr", "en"));
            case "Idempotency-Key" -> schema.maxLength(255);
            case "If-Match", "If-None-Match" -> schema.maxLength(1000);
            case "title", "sourceTitle" -> schema.maxLength(500);
            case "sourceUrl" -> schema.maxLength(2000).format("uri");
            case "summary" -> schema.maxLength(20_000);
            default -> {}
        }
    }

    private static Schema whole(Parameter parameter, int maximum) {
        if (parameter.getExample() instanceof String example && example.matches("[0-9]{1,9}")) {
            parameter.setExample(Integer.valueOf(example));
        }
        return parameter
                .getSchema()
                .type(List.of(Schema.SchemaType.INTEGER))
                .format("int32")
                .minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(maximum));
    }

    private void addProblems(PathItem.HttpMethod method, Operation operation) {
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (write) {
            add(operation, "401", "No API key, or a malformed, unknown or revoked one (with WWW-Authenticate).");
            add(
                    operation,
                    "403",
                    "This API key may not do this (an evaluator key on another evaluator's data, or on an admin operation).");
            add(operation, "429", "Too many writes in a short time; retry after the number of seconds in Retry-After.");
        } else {
            add(
                    operation,
                    "429",
                    "Too many reads in a short time, where the operator limits reads (planwatch.rate-limit.reads-per-minute, "
                            + "off by default); retry after the number of seconds in Retry-After.");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            add(operation, "415", "The request body's media type is not supported here.");
            add(
                    operation,
                    "422",
                    "The body is well-formed but cannot be accepted; `errors` lists every problem and nothing was written.");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.DELETE) {
            add(
                    operation,
                    "409",
                    "It already exists, or (for a delete) other data depends on it: the detail says what.");
        }
        if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) {
            add(operation, "412", "If-Match does not match the resource's current ETag: it changed since it was read.");
            add(operation, "428", "If-Match is missing: updates and deletes need the resource's current ETag.");
        }
        boolean hasParameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean hasPathParameters =
                hasParameters && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        // Slugs are any text (an unknown one is a 404); every other parameter can be malformed (a 400).
        boolean hasCheckedParameters = hasParameters
                && operation.getParameters().stream()
                        .anyMatch(p -> !(p.getIn() == Parameter.In.PATH && SLUGS.contains(p.getName())));
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured && !write) {
            add(operation, "401", "No API key, or a malformed, unknown or revoked one (with WWW-Authenticate).");
            add(operation, "403", "This API key's role may not do this.");
        }
        // Any URL can be refused before the operation sees it (a NUL character, a malformed escape).
        add(
                operation,
                "400",
                hasCheckedParameters || write
                        ? "A parameter has a value that cannot be used; `errors` names it and says what it accepts."
                        : "The URL could not be read (a malformed escape or a NUL character).");
        add(operation, "415", "The request's Content-Type is not a media type, or not one this operation reads.");
        if (hasPathParameters) {
            add(
                    operation,
                    "404",
                    "Nothing exists at this address (unknown plan, axis, measure, evaluator or evaluation).");
        }
        add(
                operation,
                "406",
                "The client accepts none of the media types this operation produces (those of its 200 answer).");
        // Limits any request can exceed, whatever its method (docs/limits.md); the last two are the HTTP layer's own
        // answers.
        add(operation, "413", "The request body is larger than 2 MiB (docs/limits.md).");
        withoutBody(operation, "414", "The URL is longer than 4096 bytes. Answered by the HTTP layer, without a body.");
        withoutBody(
                operation,
                "431",
                "The request's headers are larger than 20 KiB in all. Answered by the HTTP layer, without a body.");
        add(operation, "500", "The server failed; `errorId` identifies the failure in the server's log.");
        add(
                operation,
                "503",
                "The database cannot be reached right now; nothing was written. Retry after the `Retry-After` header's seconds.");
        if (!write) {
            conditional(operation, secured);
        }
    }

    /**
     * The headers that answers carry besides the caching ones: WWW-Authenticate on a 401, Retry-After on a 429 or 503,
     * Location and ETag on what a write creates or replaces, Link on a page that has a next one. Required where the
     * service always sends them, so that the tests' check of every answer against the contract sees that it does.
     */
    private static void answerHeaders(String path, PathItem.HttpMethod method, Operation operation) {
        header(
                operation,
                "401",
                "WWW-Authenticate",
                "`Bearer`: send the API key as `Authorization: Bearer <key>`.",
                true);
        header(operation, "429", "Retry-After", "Seconds to wait before retrying.", true);
        header(operation, "503", "Retry-After", "Seconds to wait before retrying.", true);
        header(operation, "201", "Location", "The path of what was created.", true);
        header(operation, "202", "Location", "Where to follow what was started.", true);
        if (!path.startsWith("/api/v1/api-keys")) { // a key has no representation to revalidate or update
            header(operation, "201", "ETag", "The created resource's tag, for a later If-Match.", true);
        }
        if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.POST) {
            header(operation, "200", "ETag", "The resource's new tag, for the next If-Match.", true);
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> Idempotency.HEADER.equals(p.getName()))) {
            for (String status : List.of("201", "200", "202")) {
                header(
                        operation,
                        status,
                        "Idempotent-Replayed",
                        "`true` when this is the stored answer to an earlier request with the same "
                                + "Idempotency-Key: nothing was written again.",
                        false);
            }
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (method == PathItem.HttpMethod.GET
                && ok != null
                && ok.getContent() != null
                && ok.getContent().getMediaTypes().values().stream()
                        .anyMatch(media -> media.getSchema() != null
                                && String.valueOf(media.getSchema().getRef())
                                        .startsWith("#/components/schemas/Page"))) {
            header(
                    operation,
                    "200",
                    "Link",
                    "`<path?cursor=...>; rel=\"next\"` when there is a next page: the same page as `nextCursor` gives.",
                    false);
        }
    }

    private static void header(Operation operation, String status, String name, String description, boolean required) {
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response != null
                && (response.getHeaders() == null || !response.getHeaders().containsKey(name))) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
                response.addHeader(
                        "Access-Control-Allow-Origin", header(CORS)); // sent on every answer, as on the GETs' 200
            }
            response.addHeader(name, header(description).required(required));
        }
    }

    /** What every GET answers with for revalidation (cache/ConditionalGet): ETag and caching headers, If-None-Match, 304. */
    private static void conditional(Operation operation, boolean secured) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok == null || (ok.getHeaders() != null && ok.getHeaders().containsKey("ETag"))) {
            return;
        }
        ok.addHeader(
                "ETag",
                header(
                        "The representation's tag: strong for JSON (another one for its gzip encoding), weak for other media types."));
        ok.addHeader(
                "Cache-Control",
                header(
                        secured
                                ? "`private, no-cache`."
                                : "`public`, a short `max-age` and `stale-while-revalidate` (`no-cache` on HTML pages)."));
        if (!secured) {
            ok.addHeader("Last-Modified", header("When the data last changed."));
        }
        ok.addHeader("Access-Control-Allow-Origin", header(CORS));
        ok.addHeader("Vary", header(vary(ok)));
        operation
                .getResponses()
                .addAPIResponse(
                        "304",
                        OASFactory.createAPIResponse()
                                .description(
                                        "Not modified: If-None-Match names the current representation (weak comparison, a list or `*`). No body.")
                                .addHeader("ETag", header("The current representation's tag."))
                                .addHeader("Access-Control-Allow-Origin", header(CORS))
                                .addHeader("Vary", header("The same as the 200's.")));
        operation.addParameter(OASFactory.createParameter()
                .name("If-None-Match")
                .in(Parameter.In.HEADER)
                .required(false)
                .description("Tags of representations the client holds: a match is answered 304 without a body.")
                .schema(OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.STRING))
                        .maxLength(1000)));
    }

    /**
     * The one Vary line of a read (see {@link Vary}): Accept where the operation produces several media types, Accept-Encoding
     * (the HTTP layer compresses every media type the API documents: JSON, CSV, SVG), Origin (CORS).
     */
    private static String vary(APIResponse ok) {
        boolean negotiated =
                ok.getContent() != null && ok.getContent().getMediaTypes().size() > 1;
        return "`" + (negotiated ? "Accept, " : "")
                + "Accept-Encoding, Origin`: the request headers the answer depends on, in one line"
                + (negotiated ? " (Accept chooses the media type)" : "")
                + ". A shared cache keeps one copy per combination of their values.";
    }

    private static final String CORS =
            "The requesting page's origin, when the request has an Origin header: every origin may read.";

    private static Header header(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }

    private static void withoutBody(Operation operation, String status, String description) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation
                    .getResponses()
                    .addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void add(Operation operation, String status, String description) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing != null
                && existing.getContent() != null
                && !existing.getContent().getMediaTypes().isEmpty()) {
            return;
        }
        // a response the scanner added on its own (a 400 for a validated body, say) gets the problem schema too
        APIResponse response = OASFactory.createAPIResponse()
                .description(
                        existing != null && existing.getDescription() != null ? existing.getDescription() : description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("Problem"))));
        operation.getResponses().addAPIResponse(status, response);
    }
}
