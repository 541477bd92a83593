package org.planwatch.history;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.http.Params;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.problem.ApiException;
import org.planwatch.domain.ApiPaths;

@Path(ApiPaths.CHANGES)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes")
public class ChangeResource {

    @Inject
    ChangeRepository changes;

    @GET
    @Operation(
            summary = "Follow the changes",
            description =
                    "Every change in commit order: measures whose current status changed (with the previous and the new status, "
                            + "the evaluation and evaluator that caused it) and every create, update and delete of the data. For incremental "
                            + "sync, store `resumeCursor` and pass it as `since` next time: you get exactly what changed in between.")
    public ChangeFeed list(
            @Parameter(
                            description =
                                    "A `resumeCursor` or `nextCursor` from a previous answer; absent to read from the start.")
                    @QueryParam("since")
                    String since,
            @Parameter(description = "Only the changes of this plan (its period).", example = "2019-2021")
                    @QueryParam("plan")
                    String plan,
            @Parameter(description = Params.LIMIT, example = Params.LIMIT_EXAMPLE) @QueryParam("limit") String limit) {
        int size = QueryParams.limit(limit);
        long after;
        try {
            String key = Cursor.decode(since);
            after = key == null ? 0 : Long.parseLong(key);
        } catch (NumberFormatException | ApiException e) {
            throw new ApiException.InvalidParameter(
                    "since",
                    "is not a cursor this API issued: pass a resumeCursor or nextCursor of a previous answer unchanged");
        }
        String planSlug = QueryParams.planSlug("plan", plan);
        List<Change> rows =
                changes.find(new ChangeRepository.Filter(planSlug, null, null, null), after, false, size + 1);
        List<ChangeView> items = rows.stream().limit(size).map(ChangeView::from).toList();
        long end = items.isEmpty() ? after : items.get(items.size() - 1).id();
        String resume = Cursor.encode(Long.toString(end));
        return new ChangeFeed(items, rows.size() > size ? resume : null, resume);
    }
}
