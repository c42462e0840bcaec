package de.kihub.services.credentials;

import java.util.List;
import java.util.UUID;

/**
 * Keys that stopped being valid (rotated or revoked), fired so that this server forgets them once
 * the change has committed.
 */
record KeysWithdrawn(List<String> keyIds, List<UUID> revokedCredentialIds) {}
