package org.planwatch.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new key, with its secret: the only time it is shown. */
@Schema(name = "CreatedApiKey")
public record CreatedApiKey(
        @Schema(
                description = "The key to send as 'Authorization: Bearer <key>'. Shown once: only its hash is stored.",
                example = "pw_Xk3v9QaL0b2c_4Zq0u2bYt8y1mJd6vH3kq9WcR5nE7pA0sLx2fG8hJ1k")
        String key,

        ApiKeyView apiKey) {}
