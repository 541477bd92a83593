package org.planwatch.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.planwatch.common.problem.ApiException;
import org.planwatch.domain.Role;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is making the current request, and the ownership rule for evaluator keys. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN_ROLE);
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public String role() {
        return isAdmin() ? "ADMIN" : identity.hasRole(Role.EVALUATOR_ROLE) ? "EVALUATOR" : "ANONYMOUS";
    }

    /** The API key's id; null for the administrator key given in the configuration. */
    public Long keyId() {
        return identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
    }

    /** A name for this caller that stays the same across requests, for idempotency keys. */
    public String stableId() {
        Long keyId = keyId();
        return keyId == null ? "config-admin" : "key-" + keyId;
    }

    /** Admins may write anything; an evaluator key only what belongs to its own evaluator. */
    public void requireEvaluator(String evaluatorSlug) {
        if (isAdmin()) {
            return;
        }
        String own = identity.getAttribute(ApiKeyIdentityProvider.EVALUATOR);
        if (own == null || !own.equals(evaluatorSlug)) {
            throw new ApiException.Forbidden("This API key belongs to evaluator '" + own
                    + "' and may not write the data of evaluator '" + evaluatorSlug + "'.");
        }
    }
}
