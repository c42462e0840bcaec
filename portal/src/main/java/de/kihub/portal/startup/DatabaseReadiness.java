package de.kihub.portal.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the schema is migrated (reported at /health/ready on the management port). */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject DatabaseMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        MigrationStatus status = migrator.status();
        return HealthCheckResponse.named("kihub-database")
                .status(status != null)
                .withData("product", status == null ? "none" : status.product())
                .withData("schemaVersion", status == null ? "none" : status.schemaVersion())
                .build();
    }
}
