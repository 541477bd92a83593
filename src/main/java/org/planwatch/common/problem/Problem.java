package org.planwatch.common.problem;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document: the body of every 4xx and 5xx answer. */
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details (application/problem+json).")
public record Problem(
        @Schema(
                description =
                        "A URI reference identifying the kind of problem; `about:blank` when the HTTP status says it all.",
                example = "about:blank")
        String type,

        @Schema(
                description = "A short summary, the same for every occurrence of this kind of problem.",
                example = "Invalid parameter")
        String title,

        @Schema(description = "The HTTP status code.", example = "400")
        int status,

        @Schema(
                description = "What went wrong in this occurrence, for the client's developer.",
                example =
                        "Query parameter 'status' has an unknown value 'DONE'. Allowed values: IMPLEMENTED, PARTIALLY_IMPLEMENTED, NOT_IMPLEMENTED, NOT_ASSESSED.")
        String detail,

        @Schema(
                description = "The path of the request that caused the problem.",
                example = "/api/v1/plans/2019-2021/measures")
        String instance,

        @Schema(
                description =
                        "For validation problems: each invalid query parameter or body field; null when the problem is not"
                                + " about particular fields (never an empty list).",
                nullable = true)
        List<FieldError> errors,

        @Schema(
                description =
                        "For server errors (500): an id to quote when reporting it; it is also in the server's log. Null on"
                                + " every other status.",
                example = "5f0c2a4e-4a8f-4a34-9f7d-2b1c8e0d9a11",
                nullable = true)
        String errorId) {

    /** No field errors is null, never an empty list: one way to say "no value" (README, "Null fields"). */
    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The title of a body that cannot be read as the operation's JSON. */
    public static final String MALFORMED_BODY = "Malformed request body";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(
                    description = "The query parameter, path parameter or JSON path of the body field.",
                    example = "limit")
            String field,

            @Schema(description = "What is wrong with it.", example = "must be between 1 and 200")
            String message) {}
}
