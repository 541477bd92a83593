package org.planwatch.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription with its signing secret: the answer of its creation and of a rotation, the only ones that show it. */
@Schema(name = "WebhookWithSecret")
public record WebhookSecret(
        @Schema(
                description =
                        "The signing secret (Standard Webhooks: whsec_ and the base64 of the key's bytes). Shown this once: keep it"
                                + " where the receiver can read it.",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwYWJjZGVmZ2g=")
        String secret,

        WebhookView webhook) {}
