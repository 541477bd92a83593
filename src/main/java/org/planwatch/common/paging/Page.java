package org.planwatch.common.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: lists are always wrapped in an object, never a bare array.
 * {@code nextCursor} is null on the last page (and sent, as null); when there is a next page,
 * PageLinks also sends it as a Link header.
 */
public record Page<T>(
        List<T> items,

        @Schema(
                description = "Opaque cursor of the next page, to pass as `cursor`; null on the last page.",
                example = "eyJrIjoiMjAifQ",
                nullable = true)
        String nextCursor) {

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that a next page
     * exists, and the cursor points after the last row kept.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), Cursor.encode(key.apply(items.get(limit - 1))));
    }
}
