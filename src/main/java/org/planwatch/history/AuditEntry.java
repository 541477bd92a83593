package org.planwatch.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.planwatch.common.db.Identified;

/** One write: who made it, when, on what, and the resource before and after. */
@Entity
public class AuditEntry extends Identified {

    @Column(insertable = false, updatable = false)
    public OffsetDateTime occurredAt;

    public Long apiKeyId;

    public String actor;

    public String role;

    public String method;

    public String path;

    public String action;

    public String resource;

    @JdbcTypeCode(SqlTypes.JSON)
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    public String after;
}
