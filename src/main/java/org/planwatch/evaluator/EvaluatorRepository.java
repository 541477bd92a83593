package org.planwatch.evaluator;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.planwatch.common.problem.ApiException;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class EvaluatorRepository implements PanacheRepository<Evaluator> {

    public Evaluator require(String slug) {
        return find("slug", slug).firstResultOptional().orElseThrow(() -> new ApiException.NotFound(
                "There is no evaluator '" + slug + "'. GET /api/v1/evaluators lists them."));
    }

    public List<Evaluator> page(String afterSlug, int limit) {
        var query = afterSlug == null ? findAll(Sort.ascending("slug")) : find("slug > ?1", Sort.ascending("slug"), afterSlug);
        return query.page(0, limit + 1).list();
    }
}
