package org.planwatch.webhook;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.common.db.Identified;

/** One event to send to one subscription: the dispatcher writes it when it fans the event out, then sends it. */
@Entity
public class WebhookMessage extends Identified {

    @Schema(name = "WebhookDeliveryState")
    public enum State {
        PENDING,
        DELIVERED,
        FAILED
    }

    public Long webhookId;

    /** The {@code webhook-id} header: the same for every attempt. */
    public String messageId;

    public String event;

    /** The event whose body (the exact bytes, UTF-8, that are signed and sent) this message carries. */
    public long eventId;

    public OffsetDateTime createdAt;

    @Enumerated(EnumType.STRING)
    public State state;

    public int attempts;

    public OffsetDateTime nextAttemptAt;

    public OffsetDateTime lastAttemptAt;

    public Integer lastStatus;

    public String lastError;

    /** The start of the receiver's last answer, at most 1 KB: shown to the subscription's owner only. */
    public String lastResponse;

    public OffsetDateTime finishedAt;
}
