package de.kihub.services.evaluation;

import de.kihub.registry.access.Actor;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantId;
import java.util.Arrays;

/** Who may see, run, cancel and share evaluations; plain functions, tested without a container. */
final class EvaluationAccess {
    /** Roles of a tenant's people who may run, cancel and share its evaluations. */
    static final String[] OPERATORS = {Actor.PUBLISHER, Actor.DEPLOYER, Actor.TENANT_ADMIN};

    private EvaluationAccess() {}

    /**
     * Curators see every result; everybody, also without signing in, sees public and shared ones;
     * the people of the tenant that ran an evaluation see it.
     */
    static boolean canSee(Actor actor, String tenantId, boolean publicResult, boolean shared) {
        return actor.isCurator()
                || publicResult
                || shared
                || tenantId != null && actor.belongsTo(TenantId.of(tenantId));
    }

    /** The creator's name is the running tenant's and the curators' business. */
    static boolean canSeeWho(Actor actor, String tenantId) {
        return actor.isCurator() || tenantId != null && actor.belongsTo(TenantId.of(tenantId));
    }

    /** A tenant's publisher, deployer or tenant-admin, or a curator. */
    static boolean mayRun(Actor actor) {
        if (actor.isCurator()) {
            return true;
        }
        return actor.tenant() != null && Arrays.stream(OPERATORS).anyMatch(actor::has);
    }

    /**
     * The running tenant's publisher, deployer or tenant-admin; for a curator's evaluation (no
     * tenant) a curator.
     */
    static boolean mayOperate(Actor actor, String tenantId) {
        if (tenantId == null) {
            return actor.isCurator();
        }
        return actor.belongsTo(TenantId.of(tenantId))
                && Arrays.stream(OPERATORS).anyMatch(actor::has);
    }

    /**
     * Publishing numbers must not reveal what others keep private: a model (and a dataset) is fine
     * to name in public if it is public, or if it belongs to the tenant that shares.
     */
    static boolean mayNameInPublic(
            String sharingTenant, TenantId owner, Visibility visibility, boolean released) {
        return visibility == Visibility.PUBLIC && released
                || sharingTenant != null && owner.value().equals(sharingTenant);
    }
}
