package org.planwatch.common;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the error answers every operation can give, as problem+json, so that each resource
 * method does not repeat them: 400 when it takes parameters, 404 when it addresses something by
 * path, 406, 500 and 503 always.
 */
public class ProblemResponses implements OASFilter {

    private static final java.util.Set<String> SLUGS = java.util.Set.of("plan", "slug");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        paths.values().forEach(path -> path.getOperations().forEach(this::addProblems));
    }

    private void addProblems(PathItem.HttpMethod method, Operation operation) {
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (write) {
            add(operation, "401", "No API key, or a malformed, unknown or revoked one (with WWW-Authenticate).");
            add(operation, "403", "This API key may not do this (an evaluator key on another evaluator's data, or on an admin operation).");
            add(operation, "413", "The request body is too large.");
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
        if (hasCheckedParameters || write) {
            add(operation, "400", "A parameter has a value that cannot be used; `errors` names it and says what it accepts.");
        }
        if (hasPathParameters) {
            add(operation, "404", "Nothing exists at this address (unknown plan, axis, measure, evaluator or evaluation).");
        }
        add(operation, "406", "The client accepts none of the media types this operation produces (those of its 200 answer).");
        add(operation, "500", "The server failed; `errorId` identifies the failure in the server's log.");
        add(operation, "503", "The database cannot be reached right now; nothing was written. Retry after the `Retry-After` header's seconds.");
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
