package org.planwatch.plan;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.planwatch.common.problem.ApiException;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<Plan> {

    public Optional<Plan> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The plan, or a 404 that names it. */
    public Plan require(String slug) {
        return findBySlug(slug).orElseThrow(() -> new ApiException.NotFound("There is no plan '" + slug
                + "'. Plans are addressed by their period, such as 2019-2021; GET /api/v1/plans lists them."));
    }

    /** Latest plans first: a plan's slug is its period, so slugs sort chronologically. */
    public List<Plan> page(String afterSlug, int limit) {
        var query = afterSlug == null
                ? find("order by slug desc")
                : find("slug < ?1", Sort.descending("slug"), afterSlug);
        return query.page(0, limit + 1).list();
    }
}
