package org.planwatch.common.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The request headers an answer depends on (RFC 9110, 12.5.5), sent as ONE Vary line. A shared cache keeps one copy
 * per combination of their values: a header missing from Vary lets it hand one client's representation to another, and
 * a Vary split over several lines is not read as one by every cache (nginx takes only one of them into account).
 * <p>
 * Whatever chooses the representation declares the headers it read with {@link #add}, while the request is served;
 * {@link HttpEdge} writes the line when the headers go out ({@link #write}), merged with any Vary another layer wrote
 * (Quarkus' static files write their own), so no answer carries a second line. The names are written in one order,
 * so that every answer at an address sends the same line.
 */
public final class Vary {

    public static final String ACCEPT = "Accept";
    public static final String ACCEPT_ENCODING = "Accept-Encoding";
    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String COOKIE = "Cookie";
    public static final String ORIGIN = "Origin";

    /** The order of the line; any other name follows, in the order it was declared. */
    private static final List<String> ORDER = List.of(ACCEPT, ACCEPT_ENCODING, ACCEPT_LANGUAGE, COOKIE, ORIGIN);

    private static final String DECLARED = "planwatch.vary";

    private Vary() {}

    /** Declares that the answer to this request depends on these request headers; nothing outside an HTTP request. */
    public static void add(RoutingContext context, String... headers) {
        add(context, List.of(headers));
    }

    public static void add(RoutingContext context, Collection<String> headers) {
        if (context == null) {
            return;
        }
        Set<String> declared = context.get(DECLARED);
        if (declared == null) {
            declared = new LinkedHashSet<>();
            context.put(DECLARED, declared);
        }
        for (String header : headers) {
            declared.add(canonical(header));
        }
    }

    /** What has been declared for this request so far, in the order of the line. */
    public static List<String> declared(RoutingContext context) {
        Set<String> declared = context == null ? null : context.get(DECLARED);
        return declared == null ? List.of() : ordered(declared);
    }

    /**
     * Replaces the answer's Vary lines, if any, by one: what they named, what was declared, and {@code implied} (what
     * the edge knows the answer depends on: Origin, Accept-Encoding when the HTTP layer may compress it).
     */
    static void write(RoutingContext context, MultiMap headers, Collection<String> implied) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : headers.getAll("Vary")) {
            for (String name : line.split(",")) {
                if (!name.isBlank()) {
                    names.add(canonical(name.strip()));
                }
            }
        }
        names.addAll(declared(context));
        implied.forEach(name -> names.add(canonical(name)));
        headers.remove("Vary");
        if (names.contains("*")) {
            headers.set("Vary", "*");
        } else if (!names.isEmpty()) {
            headers.set("Vary", String.join(", ", ordered(names)));
        }
    }

    private static List<String> ordered(Set<String> names) {
        List<String> line = new ArrayList<>(names.size());
        ORDER.stream().filter(names::contains).forEach(line::add);
        names.stream().filter(name -> !ORDER.contains(name)).forEach(line::add);
        return line;
    }

    /** Header names are case-insensitive: one spelling each, so that {@code vary: accept-encoding} is not named twice. */
    static String canonical(String name) {
        for (String known : ORDER) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        return name.equals("*") ? name : name.toLowerCase(Locale.ROOT);
    }
}
