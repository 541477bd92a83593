package org.planwatch.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription, as its owner and the administrators see it (never with its secret). */
@Schema(name = "Webhook")
public record WebhookView(
        @Schema(example = "7") long id,

        @Schema(example = "https://www.association.example/planwatch-webhook")
        String url,

        @Schema(example = "Site de l'association", nullable = true)
        String description,

        @Schema(example = "[\"measure.status_changed\", \"evaluation.created\"]")
        List<String> events,

        @Schema(example = "2019-2021", nullable = true) String plan,
        @Schema(example = "2", nullable = true) Integer axis,
        @Schema(example = "16", nullable = true) Integer measure,
        @Schema(example = "cncdh", nullable = true) String evaluator,

        @Schema(description = "False: no message is sent (they wait until it is enabled again).", example = "true")
        boolean enabled,

        @Schema(
                description = "Why it was disabled automatically; null when it was not.",
                example = "Disabled on 2026-12-05: every attempt to deliver to it failed since 2026-12-02T10:00:00Z.",
                nullable = true)
        String disabledReason,

        @Schema(
                description = "Since when every attempt to deliver to it has failed; null when the last one succeeded.",
                example = "2026-12-02T10:00:00Z",
                nullable = true)
        OffsetDateTime failingSince,

        @Schema(
                description =
                        "After a rotation of its secret, the previous secret signs the messages too until then; null otherwise.",
                example = "2026-12-03T10:00:00Z",
                nullable = true)
        OffsetDateTime previousSecretExpiresAt,

        @Schema(
                description = "The API key that owns it; null for the administrator key of the configuration.",
                example = "12",
                nullable = true)
        Long apiKey,

        @Schema(example = "2026-12-02T10:00:00Z") OffsetDateTime createdAt,
        @Schema(example = "2026-12-02T10:00:00Z") OffsetDateTime updatedAt) {

    static WebhookView from(Webhook w) {
        return new WebhookView(
                w.id,
                w.url,
                w.description,
                w.eventList(),
                w.planSlug,
                w.axisNumber,
                w.measureNumber,
                w.evaluatorSlug,
                w.enabled,
                w.disabledReason,
                w.failingSince,
                w.previousSecretExpiresAt,
                w.ownerKeyId,
                w.createdAt,
                w.updatedAt);
    }
}
