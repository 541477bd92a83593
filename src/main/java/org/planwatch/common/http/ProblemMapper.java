package org.planwatch.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.transaction.xa.XAException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.planwatch.common.json.StrictJson;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;

/**
 * The one place where failures become answers: every error leaves as application/problem+json,
 * with a title that is stable for its kind and a detail in plain words, never a stack trace,
 * a class name or SQL.
 */
public class ProblemMapper {

    /** Seconds a client should wait before retrying when the database is unavailable. */
    static final String RETRY_AFTER_SECONDS = "5";
    /** The title of a body that is not JSON, or not JSON this operation reads. */
    @Inject
    AllowedMethods allowedMethods;

    @Inject
    DatabaseOutage outage;

    @ServerExceptionMapper
    public Response domain(ApiException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri, e.errors(), null);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(
                400, "Invalid request", "The request has " + errors.size() + " invalid field(s).", uri, errors, null);
    }

    /** A body that is not valid JSON, or whose values have the wrong type. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? StrictJson.jsonPath(mapping) : "";
        String detail = "The request body is not valid JSON for this operation"
                + (field.isEmpty() ? "." : ": '" + field + "' has a value of the wrong type or format.");
        return problem(
                400,
                Problem.MALFORMED_BODY,
                detail,
                uri,
                field.isEmpty()
                        ? List.of()
                        : List.of(new Problem.FieldError(field, "has a value of the wrong type or format")),
                null);
    }

    /** Mapped by itself because the REST layer ships a mapper for this subtype that answers with an empty body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadableJson) {
            return unreadable(unreadableJson, uri); // JSON that does not even parse reaches here wrapped
        }
        int status = e.getResponse().getStatus();
        String allow = status == 404 || status == 405 ? allowedMethods.forPath(uri.getPath()) : "";
        if (status == 404 && !allow.isEmpty()) {
            // The router reports a known path asked with another method as "not found"; it is a 405.
            status = 405;
        }
        Response problem = problem(status, titleOf(status), detailOf(status, uri), uri, List.of(), null);
        return status == 405
                ? Response.fromResponse(problem)
                        .header(HttpHeaders.ALLOW, allow)
                        .build()
                : problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            return outage.unavailable(uri.getPath());
        }
        String id = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error %s on %s", id, uri.getPath());
        return problem(
                500,
                "Internal server error",
                "The server failed to answer this request. Quote error id " + id + " when reporting it.",
                uri,
                List.of(),
                id);
    }

    /** The 503 itself, also answered by {@link DatabaseOutage} while an outage lasts. */
    static Response unavailableProblem(String path) {
        return Response.fromResponse(problem(
                        503,
                        "Database unavailable",
                        "The database cannot be reached right now; nothing was read or written. Retry in a few seconds.",
                        path,
                        List.of(),
                        null))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    /**
     * The database cannot be reached (down, restarting, unreachable, or every connection busy for longer than the
     * pool's acquisition timeout), whatever layer wrapped the failure (Hibernate, Agroal, the transaction manager,
     * the security layer): answered with {@link DatabaseOutage#unavailable}, a 503 the client may retry.
     */
    public static boolean databaseUnavailable(Throwable e) {
        return databaseUnavailable(e, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Causes and suppressed exceptions too: a failed commit reports the lost connection as a suppressed XAException. */
    private static boolean databaseUnavailable(Throwable e, Set<Throwable> seen) {
        for (Throwable cause = e; cause != null && seen.add(cause); cause = cause.getCause()) {
            for (Throwable suppressed : cause.getSuppressed()) {
                if (databaseUnavailable(suppressed, seen)) {
                    return true;
                }
            }
            if (cause instanceof JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || (cause instanceof XAException xa && xa.errorCode == XAException.XAER_RMFAIL)) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or starting up.
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                // Agroal's own failures to hand out a connection carry no SQL state.
                String message = String.valueOf(sql.getMessage());
                if (state == null
                        && (message.contains("acquisition timeout")
                                || message.startsWith("Acquisition timeout")
                                || message.startsWith("Exception while creating new connection"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A problem answer for the request at {@code uri}. */
    public static Response problem(
            int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors, String errorId) {
        return problem(status, title, detail, uri.getPath(), errors, errorId);
    }

    private static Response problem(
            int status, String title, String detail, String path, List<Problem.FieldError> errors, String errorId) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, path, errors, errorId))
                .build();
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Resource not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 415 -> "Unsupported media type";
            default -> reasonOf(status);
        };
    }

    private static String detailOf(int status, UriInfo uri) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 404 ->
                "Nothing is served at " + uri.getPath() + ". The API lives under " + ApiPaths.V1 + "; see /q/openapi.";
            case 405 -> "This method is not allowed on " + uri.getPath() + "; the Allow header lists those that are.";
            case 406 ->
                "This resource is not available in any media type the request accepts: the API answers application/json "
                        + "(measure lists and evaluations also text/csv), and errors as application/problem+json.";
            case 415 -> "The request body's media type is not supported here.";
            default -> reasonOf(status) + ".";
        };
    }

    private static String reasonOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    /**
     * "create.body.source.url" becomes "source.url": the JSON path in the body, never the Java method or
     * parameter name; a violation on the body itself (a missing body) is reported as "body".
     */
    public static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                default -> {
                    if (node.isInIterable()) {
                        field.append('[')
                                .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                                .append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        field.append(field.length() == 0 ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
