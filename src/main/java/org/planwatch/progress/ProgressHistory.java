package org.planwatch.progress;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.Progress;

/** A plan's progress at each evaluation date. */
@Schema(name = "ProgressHistory")
public record ProgressHistory(
        @Schema(example = "2019-2021") String plan,

        @Schema(description = "One point per evaluation date, oldest first.")
        List<Point> points) {

    @Schema(name = "ProgressPoint")
    public record Point(
            @Schema(example = "2023-01-12") LocalDate date,

            @Schema(description = "The evaluations dated that day.")
            List<EvaluationRef> evaluations,

            Progress overall,
            List<AxisProgress> axes) {}
}
