package de.kihub.services.credentials;

import java.time.Instant;
import java.util.UUID;

/**
 * A credential together with its full key. The key is shown to the caller once and is not stored;
 * {@code createdAt} is when the credential was created (also after a rotation).
 */
public record IssuedCredential(UUID id, String name, String key, String keyId, Instant createdAt) {

    /** Without the key, so that logging the record cannot leak it. */
    @Override
    public String toString() {
        return "IssuedCredential[id=" + id + ", name=" + name + ", keyId=" + keyId + "]";
    }
}
