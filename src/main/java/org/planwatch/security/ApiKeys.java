package org.planwatch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The format of API keys: {@code pw_<public id>_<secret>}. The public id (72 random bits) finds the
 * key; the secret (256 random bits) proves it. Only the secret's SHA-256 is stored, and it is compared
 * in constant time. A fast hash suits random secrets of that length: there is nothing to guess.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private ApiKeys() {}

    /** A new key: its public id, its full text (shown once) and the hash to store. */
    public record Generated(String publicId, String key, byte[] secretHash) {}

    public static Generated generate() {
        String publicId = BASE64.encodeToString(random(9));
        String secret = BASE64.encodeToString(random(32));
        return new Generated(publicId, "pw_" + publicId + "_" + secret, sha256(secret));
    }

    /** The public id and secret of a presented key, or null when it is not shaped like one. */
    public static String[] parse(String key) {
        if (key == null || !key.matches("pw_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}")) {
            return null;
        }
        return new String[] {key.substring(3, 15), key.substring(16)};
    }

    public static boolean matches(String secret, byte[] storedHash) {
        return MessageDigest.isEqual(sha256(secret), storedHash);
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
