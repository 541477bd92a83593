package org.planwatch.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.planwatch.common.http.DatabaseOutage;
import org.planwatch.common.http.ProblemMapper;

/**
 * The problems of authentication and authorisation, as problem+json like every other failure (see ProblemMapper):
 * 401 with the API key challenge, counted by the rate limit of failed authentications, and 403.
 */
public class AuthenticationProblems {

    @Inject
    RateLimits rateLimits;

    @Inject
    CurrentVertxRequest vertx;

    @Inject
    DatabaseOutage outage;

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        if (ProblemMapper.databaseUnavailable(e)) {
            return outage.unavailable(uri.getPath()); // checking an evaluator's key needs the database
        }
        rateLimits.authenticationFailed(vertx.getCurrent());
        return unauthorized(
                "The API key is missing, malformed, unknown or revoked. Send 'Authorization: Bearer <api key>'.", uri);
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, UriInfo uri) {
        return unauthorized(
                "Writing needs an API key: send 'Authorization: Bearer <api key>'. Reading needs none.", uri);
    }

    /** A 401 with the challenge that says how to authenticate. */
    private static Response unauthorized(String detail, UriInfo uri) {
        return Response.fromResponse(ProblemMapper.problem(401, "Unauthorized", detail, uri, List.of(), null))
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthentication.CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemMapper.problem(403, "Forbidden", "This API key's role may not do this.", uri, List.of(), null);
    }
}
