package org.planwatch.measure;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.MeasureRef;
import org.planwatch.domain.Status;

/** A measure's lineage: every measure of the chain it belongs to, from plan to plan, oldest plan first. */
@Schema(name = "MeasureLineage")
public record MeasureLineage(
        @Schema(description = "The slug of the measure's plan.", example = "2024-2027")
        String plan,

        @Schema(description = "The measure's number in its plan.", example = "12")
        int number,

        @Schema(
                description = "The date the statuses are as of; null for today's knowledge.",
                example = "2023-06-30",
                nullable = true)
        LocalDate asOf,

        @Schema(
                description = "The measures it takes up (back to the first), itself, and those that take it up, "
                        + "oldest plan first, then by number.")
        List<Link> chain) {

    @Schema(name = "LineageLink")
    public record Link(
            @Schema(example = "2019-2021") String plan,
            @Schema(example = "16") int number,

            @Schema(example = "Mettre en place un mécanisme national de référence")
            String title,

            @Schema(description = "The measure's status (as of asOf when given).", example = "NOT_IMPLEMENTED")
            Status status,

            @Schema(example = "Non réalisée") String statusLabel,

            @Schema(description = "The measure this one takes up; null for the first of the chain.", nullable = true)
            MeasureRef continues) {}
}
