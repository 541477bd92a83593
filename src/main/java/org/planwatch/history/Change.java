package org.planwatch.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.planwatch.common.db.Identified;
import org.planwatch.domain.Status;

/** One entry of the public change feed. */
@Entity
public class Change extends Identified {

    public enum Kind {
        STATUS_CHANGED,
        CREATED,
        UPDATED,
        DELETED
    }

    @Column(insertable = false, updatable = false)
    public OffsetDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String resource;

    public String path;

    public String planSlug;

    public Integer measureNumber;

    @Enumerated(EnumType.STRING)
    public Status previousStatus;

    @Enumerated(EnumType.STRING)
    public Status newStatus;

    public Long evaluationId;

    public LocalDate evaluationDate;

    public String evaluatorSlug;
}
