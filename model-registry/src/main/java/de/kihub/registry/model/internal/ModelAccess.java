package de.kihub.registry.model.internal;

import de.kihub.registry.access.Actor;
import de.kihub.registry.community.CommunityId;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.version.VersionStatus;
import java.util.Set;

/** The visibility rules, as plain functions so that they are tested without a container. */
final class ModelAccess {
    private ModelAccess() {}

    /** Curators and the owner tenant see everything; others what is public or shared with them. */
    static boolean canSee(
            Actor actor,
            TenantId owner,
            Visibility visibility,
            Set<String> modelCommunities,
            Set<CommunityId> actorCommunities) {
        if (actor.isCurator() || actor.belongsTo(owner) || visibility == Visibility.PUBLIC) {
            return true;
        }
        return visibility == Visibility.COMMUNITY
                && actorCommunities.stream().anyMatch(c -> modelCommunities.contains(c.value()));
    }

    /** Drafts and versions in review are the owner's (and the reviewing curators') business. */
    static boolean canSeeVersion(Actor actor, TenantId owner, VersionStatus status) {
        return actor.isCurator()
                || actor.belongsTo(owner)
                || VersionStatus.RELEASED.contains(status);
    }
}
