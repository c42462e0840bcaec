package de.kihub.registry.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.access.Actor;
import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetAccessTest {
    static final TenantId WHS = TenantId.of("w-hs");
    static final Actor RITA = new Actor("rita", WHS, Set.of(Actor.PUBLISHER));
    static final Actor GINA =
            new Actor("gina", TenantId.of("gelsenkirchen"), Set.of(Actor.DEPLOYER));
    static final Actor CARLA = new Actor("carla", null, Set.of(Actor.CURATOR));

    @Test
    void aPrivateDatasetIsSeenByItsTenantAndCuratorsOnly() {
        assertTrue(DatasetAccess.canSee(RITA, WHS, Visibility.PRIVATE));
        assertTrue(DatasetAccess.canSee(CARLA, WHS, Visibility.PRIVATE));
        assertFalse(DatasetAccess.canSee(GINA, WHS, Visibility.PRIVATE));
        assertFalse(DatasetAccess.canSee(Actor.ANONYMOUS, WHS, Visibility.PRIVATE));
    }

    @Test
    void aPublicDatasetIsSeenByEverybody() {
        assertTrue(DatasetAccess.canSee(GINA, WHS, Visibility.PUBLIC));
        assertTrue(DatasetAccess.canSee(Actor.ANONYMOUS, WHS, Visibility.PUBLIC));
    }

    @Test
    void theTaskMustFitWhatTheFormatLabels() {
        assertEquals("people-counting", DatasetAccess.task(DatasetFormat.MOT, "people-counting"));
        assertEquals(
                "image-classification",
                DatasetAccess.task(DatasetFormat.CLASS_FOLDERS, "image-classification"));
        InvalidRequestException e =
                assertThrows(
                        InvalidRequestException.class,
                        () -> DatasetAccess.task(DatasetFormat.COUNTS_CSV, "image-classification"));
        assertTrue(e.getMessage().contains("people-counting"), e.getMessage());
    }
}
