package org.planwatch.security;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.OffsetDateTime;
import org.planwatch.common.db.Identified;
import org.planwatch.domain.Role;
import org.planwatch.evaluator.Evaluator;

/** An API key: its public id, the hash of its secret, and what it may do. */
@Entity
public class ApiKey extends Identified {

    public String publicId;

    public byte[] secretHash;

    public String name;

    @Enumerated(EnumType.STRING)
    public Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    public Evaluator evaluator;

    public OffsetDateTime createdAt;

    public OffsetDateTime lastUsedAt;

    public OffsetDateTime revokedAt;
}
