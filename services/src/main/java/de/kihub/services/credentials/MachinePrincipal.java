package de.kihub.services.credentials;

import de.kihub.registry.tenant.TenantId;
import java.util.UUID;

/** The machine a valid key belongs to: which credential, for which deployment of which tenant. */
public record MachinePrincipal(
        UUID credentialId, String name, String keyId, UUID deploymentId, TenantId tenant) {}
