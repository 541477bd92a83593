package org.planwatch.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One axis of a plan with the progress of its measures. */
@Schema(name = "AxisProgress")
public record AxisProgress(
        @Schema(example = "3") int number,

        @Schema(example = "Protéger et accompagner les victimes")
        String title,

        Progress progress) {}
