package org.planwatch.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts and shares of measures per status, every status listed (zeros included) in a fixed order. */
@Schema(name = "Progress")
public record Progress(
        @Schema(example = "45") long measureCount,
        List<StatusCount> statuses,

        @Schema(
                description = "How many of the measures are overdue: their dueBy is past (on the asOf date when one is"
                        + " given, today otherwise) and their status is not IMPLEMENTED.",
                example = "3")
        long overdueCount) {

    public static Progress of(Map<Status, Long> counts, long overdue) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<StatusCount> statuses = Arrays.stream(Status.values())
                .map(status -> {
                    long count = counts.getOrDefault(status, 0L);
                    BigDecimal share = total == 0
                            ? BigDecimal.ZERO.setScale(4)
                            : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
                    return new StatusCount(status, status.label, count, share);
                })
                .toList();
        return new Progress(total, statuses, overdue);
    }

    /** A whole plan's progress: the sum of its axes'. */
    public static Progress overall(List<AxisProgress> axes) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        long overdue = 0;
        for (AxisProgress axis : axes) {
            overdue += axis.progress().overdueCount();
            for (StatusCount count : axis.progress().statuses()) {
                counts.merge(count.status(), count.count(), Long::sum);
            }
        }
        return of(counts, overdue);
    }
}
