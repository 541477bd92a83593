package org.planwatch.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The measure of an earlier plan that a measure takes up, in a request: its plan's slug and its number. */
@Schema(name = "MeasureAddress")
public record MeasureAddress(
        @Schema(description = "The slug of the measure's plan.", example = "2019-2021")
        @NotNull
        @Pattern(regexp = "[0-9]{4}-[0-9]{4}")
        String plan,

        @Schema(example = "16") @NotNull @Min(1) @Max(999) Integer number) {

    /** As a CSV cell writes it: "2019-2021/16". */
    public String text() {
        return plan + "/" + number;
    }
}
