package org.planwatch.common.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Where the request's Accept picks the representation: an address served by two resource methods of one class (same
 * HTTP method, same path) that produce different media types, such as a measure list in JSON or in CSV. Every answer
 * there, whichever method gave it, depends on Accept, and says so in Vary.
 */
public class Negotiation {

    private static final Map<Method, Boolean> NEGOTIATED = new ConcurrentHashMap<>();

    @Inject
    CurrentVertxRequest vertx;

    /** After matching, before the method runs: its errors and its 304s name Accept too. */
    @ServerRequestFilter
    public void declare(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method != null && NEGOTIATED.computeIfAbsent(method, Negotiation::negotiated)) {
            Vary.add(vertx.getCurrent(), Vary.ACCEPT);
        }
    }

    static boolean negotiated(Method method) {
        String httpMethod = AllowedMethods.httpMethodOf(method);
        if (httpMethod == null) {
            return false;
        }
        for (Method other : method.getDeclaringClass().getDeclaredMethods()) {
            if (!other.equals(method)
                    && httpMethod.equals(AllowedMethods.httpMethodOf(other))
                    && Objects.equals(path(method), path(other))
                    && !produces(method).equals(produces(other))) {
                return true;
            }
        }
        return false;
    }

    private static String path(Method method) {
        Path path = method.getAnnotation(Path.class);
        return path == null ? "" : path.value().replaceAll("^/+|/+$", "");
    }

    private static Set<String> produces(Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = method.getDeclaringClass().getAnnotation(Produces.class);
        }
        return produces == null ? Set.of("*/*") : Set.copyOf(Arrays.asList(produces.value()));
    }
}
