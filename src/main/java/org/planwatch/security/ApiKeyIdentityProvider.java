package org.planwatch.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.planwatch.common.config.PlanwatchConfig;
import org.planwatch.domain.Role;

/** Turns a presented API key into the caller's identity: its name, role and evaluator. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Identity attributes read by {@link Caller}. */
    static final String KEY_ID = "planwatch.key-id";

    static final String EVALUATOR = "planwatch.evaluator";
    static final String EVALUATOR_ID = "planwatch.evaluator-id";

    @Inject
    ApiKeyRepository keys;

    @Inject
    PlanwatchConfig config;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String presented = request.getToken().getToken();
        return context.runBlocking(() -> identify(presented));
    }

    private SecurityIdentity identify(String presented) {
        Optional<String> adminKey = config.adminKey();
        if (adminKey.isPresent()
                && !adminKey.get().isBlank()
                && MessageDigest.isEqual(ApiKeys.sha256(presented), ApiKeys.sha256(adminKey.get()))) {
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("administrator key (planwatch.admin-key)"))
                    .addRole(Role.ADMIN_ROLE)
                    .build();
        }
        String[] parts = ApiKeys.parse(presented);
        if (parts == null) {
            throw new AuthenticationFailedException("This is not a Planwatch API key");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            ApiKey key = keys.findActive(parts[0])
                    .filter(k -> ApiKeys.matches(parts[1], k.secretHash))
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked API key"));
            key.lastUsedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(key.name))
                    .addRole(key.role.roleName())
                    .addAttribute(KEY_ID, key.id);
            if (key.evaluator != null) {
                identity.addAttribute(EVALUATOR, key.evaluator.slug).addAttribute(EVALUATOR_ID, key.evaluator.id);
            }
            return identity.build();
        });
    }
}
