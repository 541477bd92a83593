package org.planwatch.webhook;

import jakarta.persistence.Entity;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.planwatch.common.db.Identified;

/** A subscription: a receiver's address, what it wants to hear of, and the secret its messages are signed with. */
@Entity
public class Webhook extends Identified {

    /** The caller that owns it, as {@code history.Author.stableId} names it ("key-12", "config-admin"). */
    public String owner;

    /** The owning API key's id; null for the administrator key of the configuration. */
    public Long ownerKeyId;

    public String url;

    public String description;

    /** The event types, comma-separated. */
    public String events;

    public String planSlug;

    public Integer axisNumber;

    public Integer measureNumber;

    public String evaluatorSlug;

    public String secret;

    public String previousSecret;

    public OffsetDateTime previousSecretExpiresAt;

    public boolean enabled;

    public String disabledReason;

    /** Since when every attempt to deliver to it has failed; null after a success. */
    public OffsetDateTime failingSince;

    /** Which dispatcher may send to it now, and until when (the database's real time): see Dispatcher. */
    public String leaseToken;

    public OffsetDateTime leaseUntil;

    /** The last event written before it was created: it hears of the later ones only. */
    public long afterEventId;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    List<String> eventList() {
        return Arrays.asList(events.split(","));
    }
}
