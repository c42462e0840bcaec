package de.kihub.registry.model.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.access.Actor;
import de.kihub.registry.community.CommunityId;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.version.VersionStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelAccessTest {
    static final TenantId WHS = TenantId.of("w-hs");
    static final TenantId BOCHUM = TenantId.of("bochum");
    static final Actor RITA = new Actor("rita", WHS, Set.of(Actor.PUBLISHER));
    static final Actor MIA = new Actor("mia", BOCHUM, Set.of(Actor.MEMBER));
    static final Actor CARLA = new Actor("carla", null, Set.of(Actor.CURATOR));
    static final Set<String> RUHR = Set.of("ruhr");

    @Test
    void anotherTenantsPrivateModelIsInvisible() {
        assertFalse(ModelAccess.canSee(MIA, WHS, Visibility.PRIVATE, Set.of(), Set.of()));
        assertFalse(
                ModelAccess.canSee(Actor.ANONYMOUS, WHS, Visibility.PRIVATE, Set.of(), Set.of()));
    }

    @Test
    void ownersAndCuratorsSeeEverything() {
        assertTrue(ModelAccess.canSee(RITA, WHS, Visibility.PRIVATE, Set.of(), Set.of()));
        assertTrue(ModelAccess.canSee(CARLA, WHS, Visibility.PRIVATE, Set.of(), Set.of()));
        assertTrue(ModelAccess.canSeeVersion(RITA, WHS, VersionStatus.DRAFT));
        assertTrue(ModelAccess.canSeeVersion(CARLA, WHS, VersionStatus.IN_REVIEW));
    }

    @Test
    void communityModelsAreVisibleToMembersOnly() {
        assertTrue(
                ModelAccess.canSee(
                        MIA, WHS, Visibility.COMMUNITY, RUHR, Set.of(CommunityId.of("ruhr"))));
        assertFalse(
                ModelAccess.canSee(
                        MIA, WHS, Visibility.COMMUNITY, RUHR, Set.of(CommunityId.of("other"))));
        assertFalse(ModelAccess.canSee(Actor.ANONYMOUS, WHS, Visibility.COMMUNITY, RUHR, Set.of()));
    }

    @Test
    void publicModelsShowOnlyReleasedVersionsToOthers() {
        assertTrue(ModelAccess.canSee(Actor.ANONYMOUS, WHS, Visibility.PUBLIC, Set.of(), Set.of()));
        assertTrue(ModelAccess.canSeeVersion(Actor.ANONYMOUS, WHS, VersionStatus.PUBLISHED));
        assertTrue(ModelAccess.canSeeVersion(MIA, WHS, VersionStatus.DEPRECATED));
        assertFalse(ModelAccess.canSeeVersion(MIA, WHS, VersionStatus.DRAFT));
        assertFalse(ModelAccess.canSeeVersion(MIA, WHS, VersionStatus.IN_REVIEW));
    }
}
