package org.planwatch.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets and signatures as the Standard Webhooks specification has them: a secret is {@code whsec_} and the base64 of
 * random bytes, which are the HMAC key; a signature is {@code v1,} and the base64 of HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
final class Signatures {

    static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {}

    static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** A message's {@code webhook-id}: unique, and the same for all of its attempts. */
    static String newMessageId() {
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    static String sign(String secret, String messageId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code webhook-signature} header: the current secret's signature, and the previous one's while it is valid. */
    static String header(Webhook webhook, String messageId, long timestamp, String body, Instant now) {
        String current = sign(webhook.secret, messageId, timestamp, body);
        if (webhook.previousSecret != null
                && webhook.previousSecretExpiresAt != null
                && webhook.previousSecretExpiresAt.toInstant().isAfter(now)) {
            return current + " " + sign(webhook.previousSecret, messageId, timestamp, body);
        }
        return current;
    }
}
