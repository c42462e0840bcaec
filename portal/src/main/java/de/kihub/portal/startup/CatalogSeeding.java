package de.kihub.portal.startup;

import de.kihub.registry.search.CatalogSearch;
import de.kihub.services.seeding.PeopleCounterSeeder;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * After the migrations, publishes the flagship people counter if it is not in the catalog yet
 * (weights from {@code KIHUB_NANODET_DIR}, default {@code $KIHUB_DATA_DIR/models/nanodet-m}), and
 * rebuilds the search index if it is behind the database (after an upgrade or a deleted index).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class CatalogSeeding {

    private static final Logger LOG = Logger.getLogger(CatalogSeeding.class.getName());

    @Inject PeopleCounterSeeder seeder;

    @Inject CatalogSearch search;

    @PostConstruct
    void seed() {
        String dir = System.getProperty("kihub.nanodet.dir");
        seeder.seed(Path.of(dir == null ? "models/nanodet-m" : dir));
        try {
            if (search.reindexIfBehind()) {
                LOG.info("Search index was behind the database and has been rebuilt");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
