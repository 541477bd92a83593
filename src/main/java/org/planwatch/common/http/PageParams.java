package org.planwatch.common.http;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The page a list is asked for, {@code limit} and {@code cursor}: parsed and documented once for every list (a @BeanParam). */
public class PageParams {

    @Parameter(description = Params.LIMIT, example = Params.LIMIT_EXAMPLE)
    @QueryParam("limit")
    String limit;

    @Parameter(description = Params.CURSOR)
    @QueryParam("cursor")
    String cursor;

    /** The page size: 1 to 200, 50 when absent; a 400 naming {@code limit} otherwise. */
    public int size() {
        return QueryParams.limit(limit);
    }

    /** The cursor as received: null for the first page. */
    public String cursor() {
        return cursor;
    }
}
