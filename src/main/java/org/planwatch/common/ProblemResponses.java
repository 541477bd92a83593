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
 * path, 406 and 500 always.
 */
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        paths.values().forEach(path -> path.getOperations().values().forEach(this::addProblems));
    }

    private void addProblems(Operation operation) {
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean hasPathParameters = hasParameters
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        if (hasParameters) {
            add(operation, "400", "A parameter has a value that cannot be used; `errors` names it and says what it accepts.");
        }
        if (hasPathParameters) {
            add(operation, "404", "Nothing exists at this address (unknown plan, axis, measure, evaluator or evaluation).");
        }
        add(operation, "406", "The client accepts none of the media types this operation produces (application/json).");
        add(operation, "500", "The server failed; `errorId` identifies the failure in the server's log.");
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
        operation.getResponses().addAPIResponse(status, response);
    }
}
