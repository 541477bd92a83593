package org.planwatch.measure;

import java.util.List;
import java.util.Set;
import org.planwatch.domain.Status;

/**
 * What a measure list is narrowed to: every field is optional, and a measure must match all the
 * given ones. {@code words} must each appear in the title, accents and case ignored; {@code overdue} keeps the
 * measures that are (true) or are not (false) overdue; {@code lead} must appear in the lead, accents and case ignored.
 */
public record MeasureFilter(
        Integer axis, Set<Status> statuses, List<String> words, Integer number, Boolean overdue, String lead) {

    public static final MeasureFilter ALL = new MeasureFilter(null, Set.of(), List.of(), null, null, null);

    public static MeasureFilter number(int number) {
        return new MeasureFilter(null, Set.of(), List.of(), number, null, null);
    }
}
