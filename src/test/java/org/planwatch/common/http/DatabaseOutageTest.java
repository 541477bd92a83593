package org.planwatch.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwatch.ManualClock;
import org.planwatch.common.problem.Problem;

/**
 * How the service fails fast while the database is down (DatabaseOutage), request by request and without a database:
 * once an outage is noticed, one request at a time tries the database and the others get the 503 problem at once; a
 * trial that does not fail ends the outage; a trial that never reports back stops blocking the next one after 10 s of a
 * {@link ManualClock}. DatabaseOutageIT sees the same from outside, with a real database stopped and started again.
 */
class DatabaseOutageTest {

    private final ManualClock clock = new ManualClock();
    private DatabaseOutage outage;

    @BeforeEach
    void newOutageWatch() {
        outage = new DatabaseOutage();
        outage.clock = clock;
    }

    @Test
    void withoutAnOutageEveryRequestGoesThrough() {
        for (int i = 0; i < 3; i++) {
            Request request = new Request();
            assertEquals(Optional.empty(), outage.failFast(request.context()));
            outage.trialEnded(request.context(), status(200));
        }
    }

    @Test
    void duringAnOutageOneRequestTriesTheDatabaseAndTheOthersGetA503AtOnce() {
        outage.unavailable("/api/v1/plans");
        Request trial = new Request();
        assertEquals(Optional.empty(), outage.failFast(trial.context()), "the first request tries the database");
        for (int i = 0; i < 3; i++) {
            assertUnavailable(outage.failFast(new Request().context()));
        }
    }

    @Test
    void aTrialThatFailsLetsTheNextRequestTryAndOneThatSucceedsEndsTheOutage() {
        outage.unavailable("/api/v1/plans");
        Request first = new Request();
        assertEquals(Optional.empty(), outage.failFast(first.context()));
        outage.trialEnded(first.context(), status(503));

        Request second = new Request();
        assertEquals(
                Optional.empty(), outage.failFast(second.context()), "after a failed trial, the next request tries");
        assertUnavailable(outage.failFast(new Request().context()));
        outage.trialEnded(second.context(), status(200));

        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), outage.failFast(new Request().context()), "the outage is over");
        }
    }

    @Test
    void theFailFast503DoesNotEndTheOutage() {
        outage.unavailable("/api/v1/plans");
        Request trial = new Request();
        outage.failFast(trial.context());
        Request refused = new Request();
        assertUnavailable(outage.failFast(refused.context()));
        outage.trialEnded(refused.context(), status(200)); // not a trial: says nothing about the database
        assertUnavailable(outage.failFast(new Request().context()));
    }

    @Test
    void aTrialThatNeverReportsBackStopsBlockingAfterTenSeconds() {
        outage.unavailable("/api/v1/plans");
        assertEquals(Optional.empty(), outage.failFast(new Request().context())); // its client goes away: no trialEnded
        clock.advance(Duration.ofMillis(DatabaseOutage.TRIAL_TIMEOUT_MILLIS));
        assertUnavailable(outage.failFast(new Request().context()));
        clock.advance(Duration.ofMillis(1));
        Request next = new Request();
        assertEquals(Optional.empty(), outage.failFast(next.context()), "10 s later, the next request tries");
        assertUnavailable(outage.failFast(new Request().context()));
        outage.trialEnded(next.context(), status(200));
        assertEquals(Optional.empty(), outage.failFast(new Request().context()));
    }

    private static void assertUnavailable(Optional<Response> answer) {
        assertTrue(answer.isPresent(), "a 503 at once");
        Response response = answer.get();
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertTrue(
                response.getMediaType().toString().startsWith("application/problem+json"),
                response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("Database unavailable", problem.title());
        assertEquals("/api/v1/plans", problem.instance());
    }

    /** The little of a request DatabaseOutage reads: its path and its properties. */
    private static final class Request {
        private final Map<String, Object> properties = new HashMap<>();

        ContainerRequestContext context() {
            UriInfo uri = proxy(UriInfo.class, Map.of("getPath", args -> "/api/v1/plans"));
            return proxy(
                    ContainerRequestContext.class,
                    Map.of(
                            "getUriInfo", args -> uri,
                            "getProperty", args -> properties.get((String) args[0]),
                            "setProperty", args -> properties.put((String) args[0], args[1])));
        }
    }

    private static ContainerResponseContext status(int status) {
        return proxy(ContainerResponseContext.class, Map.of("getStatus", args -> status));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Function<Object[], Object>> methods) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            var answer = methods.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answer.apply(args);
        });
    }
}
