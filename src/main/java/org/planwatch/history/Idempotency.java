package org.planwatch.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.Supplier;
import org.planwatch.common.db.Rows;
import org.planwatch.common.http.Params;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;

/**
 * Idempotency-Key on POST: the first successful answer is stored with the request's fingerprint,
 * in the same transaction as the write; a retry with the same key and the same request gets that
 * answer again and writes nothing; the same key with another request is a 422.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = Params.IDEMPOTENCY_KEY;

    @Inject
    EntityManager em;

    @Inject
    History history;

    @Inject
    Author caller;

    @Inject
    ObjectMapper json;

    @Inject
    HttpServerRequest request;

    @Transactional
    public Response post(String key, Object body, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw new ApiException.InvalidParameter(HEADER, "must be 1 to 255 characters long");
        }
        history.lock(); // a retry sent while the first attempt is still running waits for its outcome
        byte[] fingerprint = fingerprint(body);
        var stored = em.createNativeQuery("""
                select fingerprint, status, location, etag, body from idempotent_request
                where caller = :caller and idempotency_key = :key""")
                .setParameter("caller", caller.stableId())
                .setParameter("key", key)
                .getResultList();
        if (!stored.isEmpty()) {
            Object[] row = (Object[]) stored.get(0);
            if (!MessageDigest.isEqual((byte[]) row[0], fingerprint)) {
                throw new ApiException.Unprocessable(
                        "Idempotency-Key '" + key + "' was already used for a different request. "
                                + "Use a new key for a new request.",
                        List.of(new Problem.FieldError(HEADER, "already used for a different request")));
            }
            Response.ResponseBuilder replay = Response.status(Rows.intValue(row[1]))
                    .type(MediaType.APPLICATION_JSON)
                    .entity(row[4]);
            if (row[2] != null) {
                replay.header(HttpHeaders.LOCATION, row[2]);
            }
            if (row[3] != null) {
                replay.header(HttpHeaders.ETAG, row[3]);
            }
            return replay.header("Idempotent-Replayed", "true").build();
        }
        Response response = action.get();
        if (response.getStatus() >= 200 && response.getStatus() < 300) {
            em.createNativeQuery("""
                    insert into idempotent_request (caller, idempotency_key, fingerprint, status, location, etag, body)
                    values (:caller, :key, :fingerprint, :status, :location, :etag, :body)""")
                    .setParameter("caller", caller.stableId())
                    .setParameter("key", key)
                    .setParameter("fingerprint", fingerprint)
                    .setParameter("status", response.getStatus())
                    .setParameter(
                            "location",
                            response.getLocation() == null
                                    ? null
                                    : response.getLocation().toString())
                    .setParameter("etag", response.getHeaderString(HttpHeaders.ETAG))
                    .setParameter("body", write(response.getEntity()))
                    .executeUpdate();
        }
        return response;
    }

    private byte[] fingerprint(Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.method().name() + " " + request.uri() + "\n").getBytes());
            digest.update(
                    body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body));
            return digest.digest();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
