package io.memberautomation.core.action;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The host's signing secrets for webhooks, by the name a definition gives ({@code "secretRef": "crm"}).
 * A definition names a secret, never holds one: the engine asks this resolver for the key at each attempt,
 * uses it to sign, and never writes it to a log, a step log, an output or an exception.
 *
 * <p>Implementations must be thread-safe and scope secrets to the organization. The engine does not keep
 * or change the returned array.
 */
@FunctionalInterface
public interface SecretResolver {

    /** The key bytes of the organization's secret of that name, or empty when there is none. */
    Optional<byte[]> resolve(String organizationId, String secretRef);

    /** Knows no secret: a webhook that names a {@code secretRef} fails. The engine's default. */
    static SecretResolver none() {
        return (organizationId, secretRef) -> Optional.empty();
    }

    /**
     * The key of a secret written the Standard Webhooks way, {@code whsec_} followed by base64
     * ({@code whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}); the prefix is optional.
     *
     * @throws IllegalArgumentException when the text after the prefix is not base64 or is empty
     */
    static byte[] standardSecret(String secret) {
        Objects.requireNonNull(secret, "secret");
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            // not the decoder's message: it may quote a character of the secret
            throw new IllegalArgumentException("a webhook secret must be whsec_ followed by base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook secret must not be empty");
        }
        return key;
    }
}
