package org.planwatch.common.http;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.logging.Log;

/**
 * Fails fast while the database is known to be unreachable. Once a request has found it unavailable (its 503
 * comes from {@link ProblemMapper}), the next requests to the REST layer get their 503 at once, on the event
 * loop, without waiting for a connection; one request at a time goes through to try the database, and the
 * first that does not fail that way ends the outage. Without this, every request would hold one of the few
 * worker threads (see PoolSizes in the database folder) for the pool's acquisition timeout, and the others
 * would queue behind it for as long as the outage lasts.
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final String TRIAL = "planwatch.database-trial";
    /** A trial that never reported back (its client went away, say) stops blocking the next one after this. */
    private static final long TRIAL_TIMEOUT = TimeUnit.SECONDS.toNanos(10);

    private volatile boolean down;
    /** When the trial in flight may be given up (System.nanoTime), 0 when none is. */
    private final AtomicLong trialDeadline = new AtomicLong();

    /**
     * The answer to a request that found the database unreachable (see {@link ProblemMapper#databaseUnavailable}):
     * a 503 the client may retry; the next requests get theirs at once until a trial gets through.
     */
    public Response unavailable(String path) {
        Log.warnf("Database unavailable on %s", path);
        down = true;
        return ProblemMapper.unavailableProblem(path);
    }

    /** Before the request is matched, and so before the API key is checked, which needs the database too. */
    @ServerRequestFilter(preMatching = true, nonBlocking = true, priority = Priorities.AUTHENTICATION - 100)
    public Optional<Response> failFast(ContainerRequestContext request) {
        if (!down) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        long deadline = trialDeadline.get();
        if ((deadline == 0 || now - deadline > 0) && trialDeadline.compareAndSet(deadline, now + TRIAL_TIMEOUT)) {
            request.setProperty(TRIAL, Boolean.TRUE);
            return Optional.empty();
        }
        return Optional.of(ProblemMapper.unavailableProblem(request.getUriInfo().getPath()));
    }

    @ServerResponseFilter
    public void trialEnded(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(TRIAL) != null) {
            if (response.getStatus() != 503) {
                down = false;
            }
            trialDeadline.set(0);
        }
    }
}
