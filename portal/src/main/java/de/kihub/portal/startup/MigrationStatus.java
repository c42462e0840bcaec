package de.kihub.portal.startup;

/** Outcome of the start-up migration: which database, which schema version, how many ran now. */
public record MigrationStatus(
        String product, String productVersion, String schemaVersion, int migrationsExecuted) {}
