package de.kihub.portal.api.system;

import de.kihub.portal.security.Role;
import de.kihub.portal.security.TenantContext;
import de.kihub.portal.startup.DatabaseMigrator;
import de.kihub.portal.startup.HubVersion;
import de.kihub.services.runtime.InferenceEngines;
import de.kihub.services.seeding.PeopleCounterSeeder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/system")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class SystemResource {

    @Inject TenantContext context;

    @Inject DatabaseMigrator migrator;

    @Inject InferenceEngines engines;

    @Inject PeopleCounterSeeder seeder;

    @GET
    @Operation(summary = "Version, database, schema version and inference engines (curators)")
    public SystemInfo info() {
        context.caller().requireAnyRole(Role.CURATOR);
        return new SystemInfo(
                HubVersion.get(), migrator.status(), engines.status(), seeder.status());
    }
}
