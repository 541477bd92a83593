package org.planwatch.history;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.planwatch.domain.Status;

/** One entry of the public change feed. */
@Entity
public class Change {

    public enum Kind {
        STATUS_CHANGED, CREATED, UPDATED, DELETED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", insertable = false, updatable = false)
    public OffsetDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String resource;

    public String path;

    @Column(name = "plan_slug")
    public String planSlug;

    @Column(name = "measure_number")
    public Integer measureNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public Status previousStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "new_status")
    public Status newStatus;

    @Column(name = "evaluation_id")
    public Long evaluationId;

    @Column(name = "evaluation_date")
    public LocalDate evaluationDate;

    @Column(name = "evaluator_slug")
    public String evaluatorSlug;
}
