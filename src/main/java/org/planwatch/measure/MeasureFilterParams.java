package org.planwatch.measure;

import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.problem.ApiException;
import org.planwatch.domain.Status;

/**
 * A measure list's filter from the query parameters that give it, in the API and the pages alike: a bad value is a
 * 400 naming the parameter and what it accepts. Whether the plan has the axis is the service's to check. As a
 * @BeanParam, {@code axis}, {@code status}, {@code overdue} and {@code lead}, read and documented once for the JSON list and both CSV addresses.
 */
public class MeasureFilterParams {

    /** How the filter's parameters are documented, on the JSON list and on both CSV addresses alike. */
    static final String AXIS = "Only the measures of this axis (its number).";

    static final String STATUS =
            "Only the measures with one of these current statuses; repeat the parameter for several.";
    static final String Q = "Words that must all appear in the measure's title, accents and case ignored";
    static final String OVERDUE = "Only the measures that are overdue (true) or that are not (false): dueBy past (on"
            + " asOf when given, today otherwise) and status not IMPLEMENTED.";
    static final String LEAD = "Only the measures whose lead contains this text, accents and case ignored (the exact"
            + " name matches too): `justice` finds \"Ministère de la Justice\".";

    private static final int MAX_WORDS = 10;

    @Parameter(description = AXIS, example = "3")
    @QueryParam("axis")
    String axis;

    @Parameter(description = STATUS, schema = @Schema(type = SchemaType.ARRAY, implementation = Status.class))
    @QueryParam("status")
    List<String> status;

    @Parameter(description = OVERDUE, schema = @Schema(type = SchemaType.BOOLEAN))
    @QueryParam("overdue")
    String overdue;

    @Parameter(description = LEAD, example = "justice")
    @QueryParam("lead")
    String lead;

    /** The filter that {@code axis}, {@code status}, {@code overdue}, {@code lead} and these words of the title give. */
    MeasureFilter with(String q) {
        return of(axis, status, q, overdue, lead);
    }

    /**
     * {@code axis}: an axis number; {@code status}: statuses, repeated or comma-separated; {@code q}: words of the
     * title; {@code overdue}: true or false; {@code lead}: text of the lead.
     */
    public static MeasureFilter of(String axis, List<String> status, String q, String overdue, String lead) {
        return new MeasureFilter(
                QueryParams.positiveNumber("axis", axis),
                QueryParams.enums("status", status, Status.class),
                words(QueryParams.text("q", q, 200)),
                null,
                QueryParams.bool("overdue", overdue),
                QueryParams.text("lead", lead, 500));
    }

    /**
     * The filter of an HTML page's form: as {@link #of}, but a field left at "all" (sent empty by a plain form
     * submit, as {@code axis=&status=}) means no filter on it.
     */
    public static MeasureFilter ofForm(String axis, List<String> status, String q, String overdue, String lead) {
        return of(
                axis == null || axis.isBlank() ? null : axis,
                status == null
                        ? null
                        : status.stream().filter(s -> !s.isBlank()).toList(),
                q,
                overdue == null || overdue.isBlank() ? null : overdue,
                lead);
    }

    private static List<String> words(String q) {
        if (q == null) {
            return List.of();
        }
        List<String> words = Arrays.stream(q.split("\\s+"))
                .filter(w -> !w.isEmpty())
                .distinct()
                .toList();
        if (words.size() > MAX_WORDS) {
            throw new ApiException.InvalidParameter("q", "must have at most " + MAX_WORDS + " words");
        }
        return words;
    }
}
