package org.planwatch.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.planwatch.common.problem.ApiException;

/**
 * Entity tags of JSON representations: a hash of the exact JSON sent, so a tag changes exactly
 * when the representation does. GET answers carry it; updates and deletes must send it back in
 * If-Match (RFC 9110: strong comparison there, weak comparison for If-None-Match).
 */
@ApplicationScoped
public class ETags {

    private static final String GZIP_SUFFIX = "-gzip";

    @Inject
    ObjectMapper json;

    public String of(Object representation) {
        return ofBytes(toJson(representation));
    }

    /** The representation exactly as it is sent. */
    public byte[] toJson(Object representation) {
        try {
            return json.writeValueAsBytes(representation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a representation", e);
        }
    }

    public static String ofBytes(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks an update's or delete's If-Match against the resource's current representation:
     * 428 without it, 412 when no listed tag is the current one ({@code *} matches any).
     */
    public void requireMatch(String ifMatch, Object current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException.PreconditionRequired(
                    "Updates and deletes need an If-Match header with the resource's current "
                            + "ETag (from a GET of it), so that they never overwrite a change made since.");
        }
        String currentTag = of(current);
        for (String tag : ifMatch.split(",")) {
            String candidate = identityOf(tag.trim());
            if (candidate.equals("*") || candidate.equals(currentTag)) {
                return;
            }
        }
        throw new ApiException.PreconditionFailed(
                "The resource has changed since the ETag in If-Match was read (its ETag is now " + currentTag
                        + "). GET it again, check the change, and retry with the new ETag.");
    }

    /**
     * If-None-Match with weak comparison: W/"x" and "x" match each other, and so do the tags of the
     * gzip and identity encodings of one representation; * matches anything.
     */
    public static boolean noneMatchHits(String ifNoneMatch, String currentTag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = identityOf(stripWeak(currentTag));
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || identityOf(stripWeak(candidate)).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tag of a representation's gzip encoding. The bytes differ, so the strong tag must too (RFC 9110
     * 8.8.3); the suffix lets If-Match and If-None-Match recognise both as the same representation.
     */
    public static String gzipVariant(String etag) {
        return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
    }

    private static String identityOf(String tag) {
        return tag.endsWith(GZIP_SUFFIX + "\"")
                ? tag.substring(0, tag.length() - GZIP_SUFFIX.length() - 1) + "\""
                : tag;
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
