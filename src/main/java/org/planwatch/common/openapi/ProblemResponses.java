package org.planwatch.common.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;

/**
 * Documents the error answers every operation can give, as problem+json, so that each resource
 * method does not repeat them: 400 when it takes parameters, 404 when it addresses something by
 * path, 406, 500 and 503 always; and what every parameter accepts (lengths, ranges, how many values),
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
        paths.values().forEach(path -> path.getOperations().forEach(this::addProblems));
        Schema audit = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas().get("AuditEntry");
        if (audit != null && audit.getProperties() != null) {
            // The scanner sees Jackson's JsonNode as an array; before and after are the resource as GET shows it, an object.
            for (String side : List.of("before", "after")) {
                Schema property = audit.getProperties().get(side);
                if (property != null) {
                    audit.addProperty(side, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                            .description(property.getDescription()));
                }
            }
        }
        paths.forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            operation.setOperationId(operationId(method, path, operation.getOperationId()));
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(ProblemResponses::limit);
            }
        }));
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
            thing = thing.equals("Axes") ? "Axis" : thing.endsWith("s") ? thing.substring(0, thing.length() - 1) : thing;
        }
        String verb = methodName == null ? method.name().toLowerCase() : methodName;
        return verb.toLowerCase().endsWith(thing.toLowerCase()) ? verb + suffix : verb + thing + suffix;
    }

    /** What a parameter accepts, as the server checks it (README, "Limits"). */
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
            case "plan" -> schema.maxLength(9).pattern("^" + QueryParams.PLAN_SLUG + "$");
            case "slug", "evaluator" -> schema.maxLength(QueryParams.SLUG_MAX_LENGTH).pattern("^" + QueryParams.SLUG + "$");
            case "asOf", "date" -> schema.format("date").maxLength(10);
            case "cursor", "since" -> schema.maxLength(100).pattern("^[A-Za-z0-9_-]+$");
            case "lang" -> schema.maxLength(2).enumeration(List.<Object>of("fr", "en"));
            case "Idempotency-Key" -> schema.maxLength(255);
            case "If-Match", "If-None-Match" -> schema.maxLength(1000);
            case "title", "sourceTitle" -> schema.maxLength(500);
            case "sourceUrl" -> schema.maxLength(2000).format("uri");
            case "summary" -> schema.maxLength(20_000);
            default -> {
            }
        }
    }

    private static Schema whole(Parameter parameter, int maximum) {
        if (parameter.getExample() instanceof String example && example.matches("[0-9]{1,9}")) {
            parameter.setExample(Integer.valueOf(example));
        }
        return parameter.getSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32").minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(maximum));
    }

    private void addProblems(PathItem.HttpMethod method, Operation operation) {
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (write) {
            add(operation, "401", "No API key, or a malformed, unknown or revoked one (with WWW-Authenticate).");
            add(operation, "403", "This API key may not do this (an evaluator key on another evaluator's data, or on an admin operation).");
            add(operation, "413", "The request body is larger than 2 MiB (README, \"Limits\").");
            // Answered once the rate limiting of writes is on (being built alongside); documented now so clients handle it.
            add(operation, "429", "Too many writes in a short time; retry after the number of seconds in Retry-After.");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            add(operation, "415", "The request body's media type is not supported here.");
            add(operation, "422", "The body is well-formed but cannot be accepted; `errors` lists every problem and nothing was written.");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.DELETE) {
            add(operation, "409", "It already exists, or (for a delete) other data depends on it: the detail says what.");
        }
        if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) {
            add(operation, "412", "If-Match does not match the resource's current ETag: it changed since it was read.");
            add(operation, "428", "If-Match is missing: updates and deletes need the resource's current ETag.");
        }
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean hasPathParameters = hasParameters
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        // Slugs are any text (an unknown one is a 404); every other parameter can be malformed (a 400).
        boolean hasCheckedParameters = hasParameters && operation.getParameters().stream()
                .anyMatch(p -> !(p.getIn() == Parameter.In.PATH && SLUGS.contains(p.getName())));
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured && !write) {
            add(operation, "401", "No API key, or a malformed, unknown or revoked one (with WWW-Authenticate).");
            add(operation, "403", "This API key's role may not do this.");
        }
        // Any URL can be refused before the operation sees it (a NUL character, a malformed escape).
        add(operation, "400", hasCheckedParameters || write
                ? "A parameter has a value that cannot be used; `errors` names it and says what it accepts."
                : "The URL could not be read (a malformed escape or a NUL character).");
        add(operation, "415", "The request's Content-Type is not a media type, or not one this operation reads.");
        if (hasPathParameters) {
            add(operation, "404", "Nothing exists at this address (unknown plan, axis, measure, evaluator or evaluation).");
        }
        add(operation, "406", "The client accepts none of the media types this operation produces (those of its 200 answer).");
        add(operation, "500", "The server failed; `errorId` identifies the failure in the server's log.");
        add(operation, "503", "The database cannot be reached right now; nothing was written. Retry after the `Retry-After` header's seconds.");
        if (!write) {
            conditional(operation, secured);
        }
    }

    /** What every GET answers with for revalidation (cache/ConditionalGet): ETag and caching headers, If-None-Match, 304. */
    private static void conditional(Operation operation, boolean secured) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok == null || (ok.getHeaders() != null && ok.getHeaders().containsKey("ETag"))) {
            return;
        }
        ok.addHeader("ETag", header("The representation's tag: strong for JSON (another one for its gzip encoding), weak for other media types."));
        ok.addHeader("Cache-Control", header(secured ? "`private, no-cache`."
                : "`public`, a short `max-age` and `stale-while-revalidate` (`no-cache` on HTML pages)."));
        if (!secured) {
            ok.addHeader("Last-Modified", header("When the data last changed."));
        }
        ok.addHeader("Access-Control-Allow-Origin", header(CORS));
        operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified: If-None-Match names the current representation (weak comparison, a list or `*`). No body.")
                .addHeader("ETag", header("The current representation's tag."))
                .addHeader("Access-Control-Allow-Origin", header(CORS)));
        operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER).required(false)
                .description("Tags of representations the client holds: a match is answered 304 without a body.")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(1000)));
    }

    private static final String CORS = "The requesting page's origin, when the request has an Origin header: every origin may read.";

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }

    private static void add(Operation operation, String status, String description) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing != null && existing.getContent() != null && !existing.getContent().getMediaTypes().isEmpty()) {
            return;
        }
        // a response the scanner added on its own (a 400 for a validated body, say) gets the problem schema too
        APIResponse response = OASFactory.createAPIResponse()
                .description(existing != null && existing.getDescription() != null ? existing.getDescription() : description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
        operation.getResponses().addAPIResponse(status, response);
    }
}
