package de.kihub.services.evaluation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.access.Actor;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationAccessTest {
    static final Actor RITA = new Actor("rita", TenantId.of("w-hs"), Set.of(Actor.PUBLISHER));
    static final Actor MIA = new Actor("mia", TenantId.of("bochum"), Set.of(Actor.MEMBER));
    static final Actor CARLA = new Actor("carla", null, Set.of(Actor.CURATOR));

    @Test
    void aTenantsResultStaysInTheTenantUnlessPublicOrShared() {
        assertTrue(EvaluationAccess.canSee(RITA, "w-hs", false, false));
        assertFalse(EvaluationAccess.canSee(MIA, "w-hs", false, false));
        assertFalse(EvaluationAccess.canSee(Actor.ANONYMOUS, "w-hs", false, false));
        assertTrue(EvaluationAccess.canSee(Actor.ANONYMOUS, "w-hs", true, false));
        assertTrue(EvaluationAccess.canSee(MIA, "w-hs", false, true));
        assertTrue(EvaluationAccess.canSee(CARLA, "w-hs", false, false));
        assertTrue(EvaluationAccess.canSee(CARLA, null, false, false));
        assertFalse(EvaluationAccess.canSee(RITA, null, false, false));
    }

    @Test
    void onlyTheRunningTenantAndCuratorsSeeWhoRanIt() {
        assertTrue(EvaluationAccess.canSeeWho(RITA, "w-hs"));
        assertTrue(EvaluationAccess.canSeeWho(CARLA, "w-hs"));
        assertFalse(EvaluationAccess.canSeeWho(MIA, "w-hs"));
        assertFalse(EvaluationAccess.canSeeWho(Actor.ANONYMOUS, "w-hs"));
    }

    @Test
    void publishersDeployersAdminsAndCuratorsRunEvaluationsMembersDoNot() {
        assertTrue(EvaluationAccess.mayRun(RITA));
        assertTrue(EvaluationAccess.mayRun(CARLA));
        assertFalse(EvaluationAccess.mayRun(MIA));
        assertFalse(EvaluationAccess.mayRun(Actor.ANONYMOUS));
        assertTrue(EvaluationAccess.mayOperate(RITA, "w-hs"));
        assertFalse(EvaluationAccess.mayOperate(RITA, "bochum"));
        assertFalse(EvaluationAccess.mayOperate(CARLA, "w-hs"));
        assertTrue(EvaluationAccess.mayOperate(CARLA, null));
    }

    @Test
    void sharingNamesOnlyPublicThingsOrTheTenantsOwn() {
        TenantId kihub = TenantId.of("kihub");
        TenantId whs = TenantId.of("w-hs");
        assertTrue(EvaluationAccess.mayNameInPublic("w-hs", kihub, Visibility.PUBLIC, true));
        assertFalse(EvaluationAccess.mayNameInPublic("w-hs", kihub, Visibility.PUBLIC, false));
        assertFalse(EvaluationAccess.mayNameInPublic("w-hs", kihub, Visibility.COMMUNITY, true));
        assertTrue(EvaluationAccess.mayNameInPublic("w-hs", whs, Visibility.PRIVATE, false));
    }
}
