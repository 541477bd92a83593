package org.planwatch.progress;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.Progress;

/** How far a plan has come, overall and per axis. */
@Schema(name = "PlanProgress")
public record ProgressView(
        @Schema(example = "2019-2021") String plan,

        @Schema(
                description =
                        "LATEST: each measure at its current status (the most recent evaluation that assessed it); "
                                + "EVALUATION: the statuses given by one evaluation, measures it did not assess counted as NOT_ASSESSED.",
                example = "LATEST")
        Basis basis,

        @Schema(description = "With basis EVALUATION, the evaluation counted; null with basis LATEST.", nullable = true)
        EvaluationRef evaluation,

        Progress overall,
        List<AxisProgress> axes) {

    public enum Basis {
        LATEST,
        EVALUATION
    }
}
