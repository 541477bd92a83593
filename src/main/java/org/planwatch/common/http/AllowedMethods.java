package org.planwatch.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each API path accepts, read from the resource classes, for the Allow header that
 * RFC 9110 requires on a 405 (the REST layer does not say which methods would have matched).
 */
@ApplicationScoped
public class AllowedMethods {

    private record Route(Pattern path, Set<String> methods) {}

    @Inject
    BeanManager beanManager;

    private volatile List<Route> routes;

    public String forPath(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                allowed.addAll(route.methods());
            }
        }
        return String.join(", ", allowed);
    }

    private List<Route> routes() {
        if (routes == null) {
            Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
            for (Bean<?> bean : beanManager.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path classPath = bean.getBeanClass().getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                    String httpMethod = httpMethodOf(method);
                    if (httpMethod == null) {
                        continue;
                    }
                    Path methodPath = method.getAnnotation(Path.class);
                    String template = (classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()))
                            .replaceAll("/+", "/");
                    Set<String> methods = byTemplate.computeIfAbsent(
                            template.replaceAll("/$", ""), t -> new TreeSet<>(Set.of("OPTIONS")));
                    methods.add(httpMethod);
                    if (httpMethod.equals("GET")) {
                        methods.add("HEAD");
                    }
                }
            }
            List<Route> built = new ArrayList<>();
            byTemplate.forEach((template, methods) ->
                    built.add(new Route(Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+") + "/?"), methods)));
            routes = built;
        }
        return routes;
    }

    /** The HTTP method a resource method answers ({@code @GET}, {@code @POST}...), null for a sub-resource locator. */
    static String httpMethodOf(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
