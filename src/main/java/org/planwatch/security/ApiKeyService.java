package org.planwatch.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.Role;
import org.planwatch.evaluator.Evaluator;
import org.planwatch.evaluator.EvaluatorRepository;
import org.planwatch.history.Change;
import org.planwatch.history.Writes;

/**
 * Creating and revoking API keys. Keys are not public data: their writes are serialised with the others and kept
 * in the audit trail, not in the change feed, and a revocation needs no If-Match (it cannot overwrite anyone's change).
 */
@ApplicationScoped
public class ApiKeyService {

    @Inject
    ApiKeyRepository keys;

    @Inject
    EvaluatorRepository evaluators;

    @Inject
    Writes writes;

    @Transactional
    public CreatedApiKey create(NewApiKey input) {
        writes.lock();
        Evaluator evaluator = null;
        if (input.role() == Role.EVALUATOR) {
            if (input.evaluator() == null) {
                throw new ApiException.Unprocessable(
                        "An EVALUATOR key belongs to one evaluator.",
                        List.of(new Problem.FieldError("evaluator", "is required for an EVALUATOR key")));
            }
            evaluator = evaluators
                    .find("slug", input.evaluator())
                    .firstResultOptional()
                    .orElseThrow(() -> new ApiException.Unprocessable(
                            "There is no evaluator '" + input.evaluator() + "'.",
                            List.of(new Problem.FieldError("evaluator", "is not the slug of an evaluator"))));
        } else if (input.evaluator() != null) {
            throw new ApiException.Unprocessable(
                    "An " + input.role() + " key belongs to no evaluator.",
                    List.of(new Problem.FieldError("evaluator", "must be absent for an " + input.role() + " key")));
        }
        ApiKeys.Generated generated = ApiKeys.generate();
        ApiKey key = new ApiKey();
        key.publicId = generated.publicId();
        key.secretHash = generated.secretHash();
        key.name = input.name().strip();
        key.role = input.role();
        key.evaluator = evaluator;
        key.createdAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        keys.persist(key);
        ApiKeyView view = ApiKeyView.from(key);
        writes.audit(Change.Kind.CREATED, ApiPaths.apiKey(key.id), null, view);
        return new CreatedApiKey(generated.key(), view);
    }

    /** Revokes a key at once; revoking a revoked key changes nothing. */
    @Transactional
    public void revoke(long id) {
        writes.lock();
        ApiKey key = keys.require(id);
        if (key.revokedAt == null) {
            ApiKeyView before = ApiKeyView.from(key);
            key.revokedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
            writes.audit(Change.Kind.UPDATED, ApiPaths.apiKey(key.id), before, ApiKeyView.from(key));
        }
    }
}
