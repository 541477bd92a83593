package org.planwatch.domain;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many measures have one status, and which share of all measures that is. */
@Schema(name = "StatusCount")
public record StatusCount(
        @Schema(example = "PARTIALLY_IMPLEMENTED") Status status,
        @Schema(example = "Partiellement réalisée") String statusLabel,
        @Schema(example = "28") long count,

        @Schema(
                description = "count / measureCount, from 0 to 1, rounded to 4 decimals; 0 when there are no measures.",
                example = "0.6222")
        BigDecimal share) {}
