package org.planwatch.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription to create (POST) or to replace (PUT). */
@Schema(name = "WebhookInput")
public record WebhookInput(
        @Schema(
                description = "Where messages are POSTed: an https URL whose host is not on a private network.",
                example = "https://www.association.example/planwatch-webhook")
        @NotBlank
        @Size(max = 2000)
        String url,

        @Schema(
                description =
                        "The events to send: measure.status_changed, evaluation.created, evaluation.updated, evaluation.deleted.",
                example = "[\"measure.status_changed\", \"evaluation.created\"]")
        @NotNull
        @NotEmpty
        @Size(max = 4)
        List<@NotNull String> events,

        @Schema(description = "Only events of this plan (its slug).", example = "2019-2021", nullable = true)
        String plan,

        @Schema(
                description = "Only events about measures of this axis (its number); needs `plan`.",
                example = "2",
                nullable = true)
        @Positive
        Integer axis,

        @Schema(
                description = "Only events about this measure (its number); needs `plan`.",
                example = "16",
                nullable = true)
        @Positive
        Integer measure,

        @Schema(
                description = "Only events of this evaluator's evaluations (its slug).",
                example = "cncdh",
                nullable = true)
        String evaluator,

        @Schema(description = "A note for the subscriber.", example = "Site de l'association", nullable = true)
        @Size(max = 500)
        String description,

        @Schema(
                description =
                        "False stops the messages (they wait); true (the default) sends them, and enables a subscription that was"
                                + " disabled after its deliveries failed for days.",
                example = "true",
                nullable = true)
        Boolean enabled) {}
