package de.kihub.registry.search;

import de.kihub.registry.access.Actor;
import de.kihub.registry.community.CommunityId;
import de.kihub.registry.model.Visibility;
import java.util.List;
import java.util.Set;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

/**
 * The registry's visibility rule as an index filter. It is part of the query, not applied to the
 * hits afterwards, so that totals and facet counts only ever count what the caller may see.
 */
final class CatalogVisibility {
    private CatalogVisibility() {}

    /**
     * Curators: everything (null: no filter). Others: their own tenant's models, and released
     * models that are public or shared with one of their tenant's communities.
     */
    static SearchPredicate filter(
            SearchPredicateFactory f, Actor actor, Set<CommunityId> communities) {
        if (actor.isCurator()) {
            return null;
        }
        BooleanPredicateClausesStep<?> shared = f.bool();
        shared.should(f.match().field(CatalogFields.VISIBILITY).matching(Visibility.PUBLIC));
        if (!communities.isEmpty()) {
            List<String> ids = communities.stream().map(CommunityId::value).toList();
            shared.should(
                    f.bool()
                            .must(
                                    f.match()
                                            .field(CatalogFields.VISIBILITY)
                                            .matching(Visibility.COMMUNITY))
                            .must(f.terms().field(CatalogFields.COMMUNITIES).matchingAny(ids)));
        }
        BooleanPredicateClausesStep<?> visible = f.bool();
        visible.should(
                f.bool().must(f.match().field(CatalogFields.RELEASED).matching(true)).must(shared));
        if (actor.tenant() != null) {
            visible.should(f.match().field(CatalogFields.OWNER).matching(actor.tenant().value()));
        }
        return visible.toPredicate();
    }
}
