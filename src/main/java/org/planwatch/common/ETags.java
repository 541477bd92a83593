package org.planwatch.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Entity tags of JSON representations: a hash of the exact JSON sent, so a tag changes exactly
 * when the representation does. GET answers carry it; updates and deletes must send it back in
 * If-Match (RFC 9110: strong comparison there, weak comparison for If-None-Match).
 */
@ApplicationScoped
public class ETags {

    @Inject
    ObjectMapper json;

    /** The tag for Response.tag(...), which adds the quotes itself. */
    public jakarta.ws.rs.core.EntityTag tagOf(Object representation) {
        String quoted = of(representation);
        return new jakarta.ws.rs.core.EntityTag(quoted.substring(1, quoted.length() - 1));
    }

    public String of(Object representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(representation));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute an ETag", e);
        }
    }

    /**
     * Checks an update's or delete's If-Match against the resource's current representation:
     * 428 without it, 412 when no listed tag is the current one ({@code *} matches any).
     */
    public void requireMatch(String ifMatch, Object current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException.PreconditionRequired("Updates and deletes need an If-Match header with the resource's current "
                    + "ETag (from a GET of it), so that they never overwrite a change made since.");
        }
        String currentTag = of(current);
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || candidate.equals(currentTag)) {
                return;
            }
        }
        throw new ApiException.PreconditionFailed("The resource has changed since the ETag in If-Match was read (its ETag is now "
                + currentTag + "). GET it again, check the change, and retry with the new ETag.");
    }

    /** If-None-Match with weak comparison: W/"x" and "x" match each other; * matches anything. */
    public static boolean noneMatchHits(String ifNoneMatch, String currentTag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = stripWeak(currentTag);
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || stripWeak(candidate).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
