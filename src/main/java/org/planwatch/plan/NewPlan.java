package org.planwatch.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.MeasureAddress;
import org.planwatch.domain.MeasureFields;
import org.planwatch.domain.Source;

/**
 * A plan to create, optionally with its axes and their measures, loaded in one request. Its period (start and end
 * year) gives its slug, and never changes.
 */
@Schema(name = "NewPlan")
public record NewPlan(
        @Schema(example = "2030") @NotNull @Min(1900) @Max(2200)
        Integer startYear,

        @Schema(example = "2033") @NotNull @Min(1900) @Max(2200)
        Integer endYear,

        @Schema(example = "Plan national de lutte contre l'exploitation et la traite des êtres humains 2030-2033")
        @NotBlank
        @Size(max = 500)
        String title,

        @Schema(example = "2029-12-11", nullable = true) LocalDate presentedOn,
        @NotNull @Valid Source source,

        @Schema(
                description = "The plan's axes with their measures, all created with the plan (at most "
                        + PlanLoad.MAX_MEASURES + " measures); null or absent for a plan without them yet.",
                nullable = true)
        @Size(max = 99)
        List<@NotNull @Valid Axis> axes) {

    /** The plan's own fields, as PUT takes them. */
    public PlanInput input() {
        return new PlanInput(startYear, endYear, title, presentedOn, source);
    }

    @Schema(name = "NewPlanAxis")
    public record Axis(
            @Schema(example = "1") @NotNull @Min(1) @Max(99) Integer number,

            @Schema(example = "Prévenir l'exploitation") @NotBlank @Size(max = 500)
            String title,

            @Schema(description = "The axis' measures, numbered across the whole plan.", nullable = true)
            @Size(max = PlanLoad.MAX_MEASURES)
            List<@NotNull @Valid Measure> measures) {}

    @Schema(name = "NewPlanMeasure")
    public record Measure(
            @Schema(example = "1") @NotNull @Min(1) @Max(999)
            Integer number,

            @Schema(example = "Former les professionnels au repérage des victimes") @NotBlank @Size(max = 1000)
            String title,

            @Schema(description = MeasureFields.LEAD, example = "MIPROF", nullable = true) @Size(max = 500)
            String lead,

            @Schema(description = MeasureFields.DUE_BY, example = "2031", nullable = true) @Size(max = 20)
            String dueBy,

            @Schema(description = MeasureFields.CONTINUES, nullable = true) @Valid
            MeasureAddress continues) {}
}
