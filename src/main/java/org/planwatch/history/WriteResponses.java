package org.planwatch.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;
import org.planwatch.common.http.ETags;

/**
 * The answers of writes, for the resources: 201 with Location and ETag (replayed for a retried Idempotency-Key),
 * 200 with ETag, 204. The ETag is the one a GET of the written resource would give.
 */
@ApplicationScoped
public class WriteResponses {

    @Inject
    Idempotency idempotency;

    @Inject
    ETags etags;

    /**
     * A POST that creates something at the address {@code location} gives: 201 with it and its ETag. With an
     * Idempotency-Key, a retry of the same request gets the first answer again and creates nothing.
     */
    public <T> Response created(
            String idempotencyKey, Object request, Supplier<T> create, Function<T, String> location) {
        return idempotency.post(idempotencyKey, request, () -> {
            T created = create.get();
            return created(location.apply(created), created);
        });
    }

    /**
     * The same, for an answer that holds more than the resource (a secret shown once, say): its ETag is the one of
     * {@code resource(answer)}, as a GET gives it.
     */
    public <T> Response created(
            String idempotencyKey,
            Object request,
            Supplier<T> create,
            Function<T, String> location,
            Function<T, Object> resource) {
        return idempotency.post(idempotencyKey, request, () -> {
            T created = create.get();
            return Response.created(URI.create(location.apply(created)))
                    .entity(created)
                    .tag(tagOf(resource.apply(created)))
                    .build();
        });
    }

    /** A POST that changes a resource without creating one (a rotation, say): 200 with the answer, ETag as for {@link #created}. */
    public <T> Response ok(String idempotencyKey, Object request, Supplier<T> change, Function<T, Object> resource) {
        return idempotency.post(idempotencyKey, request, () -> {
            T changed = change.get();
            return Response.ok(changed).tag(tagOf(resource.apply(changed))).build();
        });
    }

    /** A POST that starts something done later (a message to send): 202 with what will be done, and where to follow it. */
    public Response accepted(String idempotencyKey, Object request, Supplier<?> start, String location) {
        return idempotency.post(
                idempotencyKey,
                request,
                () -> Response.accepted(start.get())
                        .location(URI.create(location))
                        .build());
    }

    public Response created(String location, Object representation) {
        return Response.created(URI.create(location))
                .entity(representation)
                .tag(tagOf(representation))
                .build();
    }

    public Response ok(Object representation) {
        return Response.ok(representation).tag(tagOf(representation)).build();
    }

    /** 201 at {@code location} when the PUT created it, else 200. */
    public Response put(Writes.Written<?> written, String location) {
        return written.created() ? created(location, written.view()) : ok(written.view());
    }

    public Response deleted() {
        return Response.noContent().build();
    }

    /** The tag for Response.tag(...), which adds the quotes itself. */
    private EntityTag tagOf(Object representation) {
        String quoted = etags.of(representation);
        return new EntityTag(quoted.substring(1, quoted.length() - 1));
    }
}
