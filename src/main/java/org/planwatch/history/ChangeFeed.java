package org.planwatch.history;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the change feed. */
@Schema(name = "ChangeFeed")
public record ChangeFeed(
        List<ChangeView> items,

        @Schema(
                description =
                        "Set when more changes are available right now: pass it as `since` to read them; null when this page"
                                + " reaches the latest change.",
                nullable = true)
        String nextCursor,

        @Schema(
                description =
                        "Where this page ends, also when it is empty: store it and pass it as `since` on the next sync.")
        String resumeCursor) {}
