package org.planwatch.webhook;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message to a subscription and what came of sending it. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(
                description = "The message's webhook-id: the same for every attempt.",
                example = "msg_2b7QeZk9yQ3fVx1LmN0pRs8T")
        String id,

        @Schema(example = "measure.status_changed") String event,
        @Schema(example = "2026-12-02T10:00:00Z") OffsetDateTime createdAt,

        @Schema(
                description = "PENDING (to be sent, or retried), DELIVERED (a 2xx came) or FAILED (given up).",
                example = "DELIVERED")
        WebhookMessage.State state,

        @Schema(description = "How many times it was sent.", example = "3")
        int attempts,

        @Schema(example = "2026-12-02T10:01:10Z", nullable = true)
        OffsetDateTime lastAttemptAt,

        @Schema(
                description = "The receiver's status code at the last attempt; null when none came.",
                example = "200",
                nullable = true)
        Integer lastStatus,

        @Schema(
                description = "Why the last attempt failed; null when it succeeded or none was made.",
                example = "The receiver answered 500.",
                nullable = true)
        String lastError,

        @Schema(
                description =
                        "The start (at most 1 KB) of the receiver's last answer; shown to the subscription's owner only (null for"
                                + " anyone else).",
                example = "ok",
                nullable = true)
        String lastResponse,

        @Schema(
                description = "When it is sent next; null once delivered or failed.",
                example = "2026-12-02T10:00:20Z",
                nullable = true)
        OffsetDateTime nextAttemptAt,

        @Schema(
                description = "When it was delivered or given up; null while pending.",
                example = "2026-12-02T10:01:10Z",
                nullable = true)
        OffsetDateTime finishedAt) {

    static DeliveryView from(WebhookMessage m, boolean owner) {
        return new DeliveryView(
                m.messageId,
                m.event,
                m.createdAt,
                m.state,
                m.attempts,
                m.lastAttemptAt,
                m.lastStatus,
                m.lastError,
                owner ? m.lastResponse : null,
                m.nextAttemptAt,
                m.finishedAt);
    }
}
