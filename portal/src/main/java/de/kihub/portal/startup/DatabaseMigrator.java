package de.kihub.portal.startup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date before anything else uses it. Bean-managed transactions:
 * Flyway commits on its own, which a container transaction would forbid. A failed migration stops
 * the deployment, so the hub never runs on a half-migrated schema.
 */
@Startup
@Singleton(name = "DatabaseMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
@Lock(LockType.READ)
public class DatabaseMigrator {
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/KiHubDS")
    DataSource dataSource;

    private MigrationStatus status;

    @PostConstruct
    void migrate() {
        long start = System.nanoTime();
        MigrateResult result =
                Flyway.configure(DatabaseMigrator.class.getClassLoader())
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .failOnMissingLocations(true)
                        .load()
                        .migrate();
        status =
                new MigrationStatus(
                        product(),
                        productVersion(),
                        result.targetSchemaVersion != null
                                ? result.targetSchemaVersion
                                : result.initialSchemaVersion,
                        result.migrationsExecuted);
        LOG.info(
                () ->
                        "Database "
                                + status.product()
                                + " at schema version "
                                + status.schemaVersion()
                                + ", "
                                + status.migrationsExecuted()
                                + " migration(s) applied in "
                                + (System.nanoTime() - start) / 1_000_000
                                + " ms");
    }

    public MigrationStatus status() {
        return status;
    }

    private String product() {
        return metadata(DatabaseMetaData::getDatabaseProductName);
    }

    private String productVersion() {
        return metadata(DatabaseMetaData::getDatabaseProductVersion);
    }

    private interface MetadataValue {
        String read(DatabaseMetaData metaData) throws SQLException;
    }

    private String metadata(MetadataValue value) {
        try (Connection c = dataSource.getConnection()) {
            return value.read(c.getMetaData());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read database metadata", e);
        }
    }
}
