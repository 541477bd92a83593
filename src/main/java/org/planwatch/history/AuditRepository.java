package org.planwatch.history;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reading the audit trail, oldest first. */
@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    /** The entries after the given id, at most {@code limit}. */
    public List<AuditEntry> page(long afterId, int limit) {
        return find("from AuditEntry a where a.id > ?1 order by a.id", afterId)
                .page(0, limit)
                .list();
    }
}
