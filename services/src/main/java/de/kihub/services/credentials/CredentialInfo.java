package de.kihub.services.credentials;

import java.time.Instant;
import java.util.UUID;

/** What may be shown about a credential: never its secret. Revoked credentials are listed too. */
public record CredentialInfo(
        UUID id,
        String name,
        String keyId,
        String createdBy,
        Instant createdAt,
        Instant rotatedAt,
        String revokedBy,
        Instant revokedAt,
        Instant lastUsedAt) {}
