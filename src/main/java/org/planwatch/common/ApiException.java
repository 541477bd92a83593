package org.planwatch.common;

import java.util.List;

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
        private final Problem.FieldError error;

        public InvalidParameter(String parameter, String message) {
            super(400, "Invalid parameter", "Parameter '" + parameter + "' " + message + ".");
            this.error = new Problem.FieldError(parameter, message);
        }

        @Override
        public List<Problem.FieldError> errors() {
            return List.of(error);
        }
    }
}
