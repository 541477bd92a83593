package org.planwatch.common.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The domain's own failures, each with its HTTP status and a problem title that never changes;
 * {@link ProblemMapper} turns them into problem+json.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String title;

    protected ApiException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return List.of();
    }

    /** A plan, axis, measure, evaluator or evaluation that does not exist. */
    public static final class NotFound extends ApiException {
        public NotFound(String detail) {
            super(404, "Resource not found", detail);
        }
    }

    /** A query or path parameter whose value cannot be used. */
    public static final class InvalidParameter extends ApiException {
        private final List<Problem.FieldError> errors;

        public InvalidParameter(String parameter, String message) {
            super(400, "Invalid parameter", "Parameter '" + parameter + "' " + message + ".");
            this.errors = List.of(new Problem.FieldError(parameter, message));
        }

        public InvalidParameter(List<Problem.FieldError> errors) {
            super(400, "Invalid parameter", errors.size() + " parameter(s) have values that cannot be used.");
            this.errors = List.copyOf(errors);
        }

        @Override
        public List<Problem.FieldError> errors() {
            return errors;
        }
    }

    /** A request body that does not fit the operation's schema: properties it does not define. */
    public static final class MalformedBody extends ApiException {
        private final List<Problem.FieldError> errors;

        public MalformedBody(List<Problem.FieldError> errors) {
            super(
                    400,
                    Problem.MALFORMED_BODY,
                    "The request body is not valid JSON for this operation: "
                            + errors.stream().map(e -> "'" + e.field() + "'").collect(Collectors.joining(", "))
                            + (errors.size() == 1 ? " is not a property of it." : " are not properties of it."));
            this.errors = List.copyOf(errors);
        }

        @Override
        public List<Problem.FieldError> errors() {
            return errors;
        }
    }

    /** The caller is known but may not do this. */
    public static final class Forbidden extends ApiException {
        public Forbidden(String detail) {
            super(403, "Forbidden", detail);
        }
    }

    /** The request contradicts the current state: a duplicate, or something others depend on. */
    public static final class Conflict extends ApiException {
        public Conflict(String detail) {
            super(409, "Conflict", detail);
        }
    }

    /** If-Match does not match the resource's current ETag: someone changed it since it was read. */
    public static final class PreconditionFailed extends ApiException {
        public PreconditionFailed(String detail) {
            super(412, "Precondition failed", detail);
        }
    }

    /** An update or delete sent without If-Match. */
    public static final class PreconditionRequired extends ApiException {
        public PreconditionRequired(String detail) {
            super(428, "Precondition required", detail);
        }
    }

    /** A well-formed request whose content cannot be accepted; {@code errors} lists every problem. */
    public static final class Unprocessable extends ApiException {
        private final List<Problem.FieldError> errors;

        public Unprocessable(String detail, List<Problem.FieldError> errors) {
            super(422, "Unprocessable content", detail);
            this.errors = List.copyOf(errors);
        }

        @Override
        public List<Problem.FieldError> errors() {
            return errors;
        }
    }
}
