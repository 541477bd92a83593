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
