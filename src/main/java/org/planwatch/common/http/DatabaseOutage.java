package org.planwatch.common.http;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Fails fast while the database is known to be unreachable. Once a request has found it unavailable (its 503
 * comes from {@link ProblemMapper}), the next requests to the REST layer get their 503 at once, on the event
 * loop, without waiting for a connection; one request at a time goes through to try the database, and the
 * first that does not fail that way ends the outage. Without this, every request would hold one of the few
 * worker threads (see PoolSizes in the database folder) for the pool's acquisition timeout, and the others
 * would queue behind it for as long as the outage lasts.
 *
 * <p>The trial's timeout is read from the injected {@link Clock} (org.planwatch.common.time.Clocks), so that DatabaseOutageTest
 * can check it without waiting for it.
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final String TRIAL = "planwatch.database-trial";
    /** A trial that never reported back (its client went away, say) stops blocking the next one after this. */
    static final long TRIAL_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(10);

    @Inject
    Clock clock;

    private volatile boolean down;
    /** When the trial in flight may be given up (the clock's milliseconds), 0 when none is. */
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
        long now = clock.millis();
        long deadline = trialDeadline.get();
        // a deadline further away than the timeout: the wall clock went back; give the trial up rather than wait for it
        boolean mayTry = deadline == 0 || now > deadline || deadline - now > TRIAL_TIMEOUT_MILLIS;
        if (mayTry && trialDeadline.compareAndSet(deadline, now + TRIAL_TIMEOUT_MILLIS)) {
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
