package org.planwatch.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.planwatch.common.problem.ApiException;
import org.planwatch.domain.Role;
import org.planwatch.history.Author;

/** Who is making the current request, and the ownership rule for evaluator keys. */
@RequestScoped
public class Caller implements Author {

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN_ROLE);
    }

    @Override
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    @Override
    public String role() {
        for (Role role : Role.values()) {
            if (identity.hasRole(role.roleName())) {
                return role.name();
            }
        }
        return "ANONYMOUS";
    }

    @Override
    public Long keyId() {
        return identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
    }

    @Override
    public String stableId() {
        Long keyId = keyId();
        return keyId == null ? "config-admin" : "key-" + keyId;
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String path() {
        return request.path();
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
