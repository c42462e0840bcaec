package de.kihub.portal.startup;

import de.kihub.services.seeding.PeopleCounterSeeder;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * After the migrations, publishes the flagship people counter if it is not in the catalog yet
 * (weights from {@code KIHUB_NANODET_DIR}, default {@code $KIHUB_DATA_DIR/models/nanodet-m}).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class CatalogSeeding {

    @Inject PeopleCounterSeeder seeder;

    @PostConstruct
    void seed() {
        String dir = System.getProperty("kihub.nanodet.dir");
        seeder.seed(Path.of(dir == null ? "models/nanodet-m" : dir));
    }
}
