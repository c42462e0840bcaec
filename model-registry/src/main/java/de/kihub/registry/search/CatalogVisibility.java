package de.kihub.registry.search;

import de.kihub.registry.access.Actor;
import de.kihub.registry.community.CommunityId;
import de.kihub.registry.model.Visibility;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

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
    static Query filter(Actor actor, Set<CommunityId> communities) {
        if (actor.isCurator()) {
            return null;
        }
        BooleanQuery.Builder shared = new BooleanQuery.Builder();
        shared.add(keyword(CatalogFields.VISIBILITY, Visibility.PUBLIC.name()), Occur.SHOULD);
        if (!communities.isEmpty()) {
            shared.add(
                    new BooleanQuery.Builder()
                            .add(
                                    keyword(CatalogFields.VISIBILITY, Visibility.COMMUNITY.name()),
                                    Occur.FILTER)
                            .add(
                                    new TermInSetQuery(
                                            CatalogFields.COMMUNITIES,
                                            communities.stream()
                                                    .map(c -> new BytesRef(c.value()))
                                                    .toList()),
                                    Occur.FILTER)
                            .build(),
                    Occur.SHOULD);
        }
        BooleanQuery.Builder visible = new BooleanQuery.Builder();
        visible.add(
                new BooleanQuery.Builder()
                        .add(released(), Occur.FILTER)
                        .add(shared.build(), Occur.FILTER)
                        .build(),
                Occur.SHOULD);
        if (actor.tenant() != null) {
            visible.add(keyword(CatalogFields.OWNER, actor.tenant().value()), Occur.SHOULD);
        }
        return visible.build();
    }

    /** An exact keyword field (task, owner, visibility, ...): the value as indexed. */
    static Query keyword(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    /** {@code released = true}: Hibernate Search indexes booleans as int points, true as 1. */
    private static Query released() {
        return IntPoint.newExactQuery(CatalogFields.RELEASED, 1);
    }
}
