package de.kihub.portal.api.system;

import de.kihub.portal.startup.MigrationStatus;
import de.kihub.services.runtime.EngineStatus;
import de.kihub.services.seeding.PeopleCounterSeeder;
import java.util.List;

/** Hub version, database and schema, and the inference engines that could be loaded. */
public record SystemInfo(
        String version,
        MigrationStatus database,
        List<EngineStatus> engines,
        PeopleCounterSeeder.Status peopleCounter) {}
