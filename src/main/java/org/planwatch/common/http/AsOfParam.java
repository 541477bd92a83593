package org.planwatch.common.http;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.planwatch.domain.StatusBasis;

/** The date a read looks back from, {@code asOf}: parsed and documented once for every read that takes it (a @BeanParam). */
public class AsOfParam {

    @Parameter(description = Params.AS_OF, example = Params.AS_OF_EXAMPLE)
    @QueryParam("asOf")
    String asOf;

    /** The date, null when absent; a 400 naming {@code asOf} when it is not one. */
    public LocalDate date() {
        return QueryParams.date("asOf", asOf);
    }

    /** The statuses as known on that date, or the current ones when it is absent. */
    public StatusBasis basis() {
        return StatusBasis.asOf(date());
    }
}
