package org.planwatch.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.planwatch.common.problem.ApiException;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepository<ApiKey> {

    public Optional<ApiKey> findActive(String publicId) {
        return find("from ApiKey k left join fetch k.evaluator where k.publicId = ?1 and k.revokedAt is null", publicId)
                .firstResultOptional();
    }

    public ApiKey require(long id) {
        return find("from ApiKey k left join fetch k.evaluator where k.id = ?1", id)
                .firstResultOptional()
                .orElseThrow(() -> new ApiException.NotFound("There is no API key " + id + "."));
    }

    public List<ApiKey> page(long afterId, int limit) {
        return find("from ApiKey k left join fetch k.evaluator where k.id > ?1 order by k.id", afterId)
                .page(0, limit + 1)
                .list();
    }
}
