package org.planwatch.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a message, written from the Standard Webhooks specification and sharing no code with the
 * service: the signed content is {@code id.timestamp.body}, the key the base64-decoded part of the secret after
 * {@code whsec_}, the header a space-separated list of {@code v1,<base64 HMAC-SHA256>}, any one of which may match;
 * the timestamp must be within five minutes of the receiver's clock.
 */
final class SignatureVerifier {

    private SignatureVerifier() {}

    static boolean verifies(String secret, Receiver.Received message) {
        String id = message.header("webhook-id");
        String timestamp = message.header("webhook-timestamp");
        String signatures = message.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long age = System.currentTimeMillis() / 1000 - Long.parseLong(timestamp);
        if (Math.abs(age) > 300) {
            return false;
        }
        byte[] expected = hmac(secret, id + "." + timestamp + "." + message.body());
        for (String signature : signatures.split(" ")) {
            int comma = signature.indexOf(',');
            if (comma > 0
                    && signature.substring(0, comma).equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(comma + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String content) {
        try {
            String key = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
