package org.planwatch.web;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.planwatch.measure.MeasureFilter;
import org.planwatch.measure.MeasureFilterParams;

/** The measure filter of a page's GET form, axis, status, q and overdue, read once for the dashboard and the embeds (a @BeanParam). */
public class MeasureFormParams {

    @QueryParam("axis")
    String axis;

    @QueryParam("status")
    List<String> status;

    @QueryParam("q")
    String q;

    @QueryParam("overdue")
    String overdue;

    /** The search words as typed, to show them again in the form. */
    String q() {
        return q == null ? "" : q;
    }

    /** The filter, a field left at "all" meaning no filter on it (see {@link MeasureFilterParams#ofForm}). */
    MeasureFilter filter() {
        return MeasureFilterParams.ofForm(axis, status, q, overdue, null);
    }
}
