package org.planwatch.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.planwatch.common.problem.ApiException;

/**
 * Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded so that clients
 * treat it as a token rather than something to build themselves.
 */
public final class Cursor {

    private static final String PREFIX = "v1:";

    private Cursor() {}

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside a cursor received as query parameter {@code cursor}; null when there is none. */
    public static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return decoded.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below
        }
        throw invalid();
    }

    /** The number after which a page of numbered items (axes, measures) starts: 0 for the first page. */
    public static int decodeNumber(String cursor) {
        String key = decode(cursor);
        if (key == null) {
            return 0;
        }
        try {
            return Math.toIntExact(Long.parseLong(key));
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid();
        }
    }

    public static ApiException invalid() {
        return new ApiException.InvalidParameter(
                "cursor",
                "is not a cursor this API issued: pass the nextCursor of a previous page unchanged, or leave it out for the first page");
    }
}
