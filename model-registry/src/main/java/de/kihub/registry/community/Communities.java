package de.kihub.registry.community;

import de.kihub.registry.access.Actor;
import de.kihub.registry.tenant.TenantId;
import java.util.List;
import java.util.Set;

/** Creating, joining and listing communities. */
public interface Communities {

    Community create(Actor actor, CommunityCreate create);

    /** A tenant admin adds its own tenant; a curator may add any tenant. */
    Community join(Actor actor, CommunityId community, TenantId tenant);

    Community leave(Actor actor, CommunityId community, TenantId tenant);

    List<Community> list();

    Community get(CommunityId id);

    /** The communities a tenant belongs to (empty for null). */
    Set<CommunityId> of(TenantId tenant);
}
