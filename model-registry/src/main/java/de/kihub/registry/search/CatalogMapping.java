package de.kihub.registry.search;

import static de.kihub.registry.search.CatalogFields.*;

import de.kihub.registry.model.internal.ModelEntity;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.PropertyMappingFullTextFieldOptionsStep;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;

/**
 * How a model is indexed, as programmatic mapping so that the entity stays free of search
 * annotations (persistence.xml, {@code hibernate.search.mapping.configurer}). Facet and filter
 * fields are keywords; texts are indexed per language with that language's analyzer.
 */
public class CatalogMapping implements HibernateOrmSearchMappingConfigurer {
    static final String INDEX = "model";

    /**
     * The descriptions keep their terms with offsets as term vectors, for the snippets of searches
     * that needed typo tolerance ({@link CatalogHighlighter}); card texts are analyzed then. The
     * snippets of all other searches come from highlight-only copies of the descriptions and cards
     * with offsets in their postings ({@link SnippetOffsetsBinder}): one postings lookup per query
     * term and hit instead of decoding a hit's vectors or analysing its card (100,000 models: index
     * 131 -> 173 MiB, re-index 34 -> 51 s, 25 % more searches per second; docs/benchmarks.md).
     */
    static final TermVector SNIPPET_VECTORS = TermVector.WITH_OFFSETS;

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();
        TypeMappingStep model = mapping.type(ModelEntity.class);
        model.indexed().index(INDEX);
        model.property("ownerId")
                .keywordField(OWNER)
                .projectable(Projectable.YES)
                .aggregable(Aggregable.YES);
        model.property("name")
                .keywordField(NAME)
                .projectable(Projectable.YES)
                .sortable(Sortable.YES);
        model.property("name")
                .fullTextField(NAME_TEXT)
                .analyzer(CatalogAnalyzers.ENGLISH)
                .searchAnalyzer(CatalogAnalyzers.ENGLISH_QUERY);
        text(model, "displayNameDe", DISPLAY_NAME_DE, true);
        text(model, "displayNameEn", DISPLAY_NAME_EN, false);
        text(model, "descriptionDe", DESCRIPTION_DE, true).termVector(SNIPPET_VECTORS);
        text(model, "descriptionEn", DESCRIPTION_EN, false).termVector(SNIPPET_VECTORS);
        model.property("tags").keywordField(TAGS).projectable(Projectable.YES);
        model.property("tags")
                .fullTextField(TAGS_DE)
                .analyzer(CatalogAnalyzers.GERMAN)
                .searchAnalyzer(CatalogAnalyzers.GERMAN_QUERY);
        model.property("tags")
                .fullTextField(TAGS_EN)
                .analyzer(CatalogAnalyzers.ENGLISH)
                .searchAnalyzer(CatalogAnalyzers.ENGLISH_QUERY);
        facet(model, "task", TASK);
        facet(model, "domain", DOMAIN);
        facet(model, "license", LICENSE);
        model.property("visibility").keywordField(VISIBILITY).projectable(Projectable.YES);
        model.property("communities").keywordField(COMMUNITIES);
        model.property("released").genericField(RELEASED);
        model.property("updatedAt")
                .genericField(UPDATED_AT)
                .projectable(Projectable.YES)
                .sortable(Sortable.YES);
        facet(model, "riskClass", RISK_CLASS);
        facet(model, "latestFormat", FORMAT);
        model.property("maturity").keywordField(MATURITY).projectable(Projectable.YES);
        model.property("latestVersion")
                .keywordField(LATEST_VERSION)
                .projectable(Projectable.YES)
                .searchable(Searchable.NO);
        model.property("activeTenants")
                .genericField(ACTIVE_TENANTS)
                .projectable(Projectable.YES)
                .sortable(Sortable.YES);
        text(model, "cardTextDe", CARD_DE, true);
        text(model, "cardTextEn", CARD_EN, false);
        model.property("descriptionDe")
                .binder(new SnippetOffsetsBinder(SNIPPET_DESCRIPTION_DE, true));
        model.property("descriptionEn")
                .binder(new SnippetOffsetsBinder(SNIPPET_DESCRIPTION_EN, false));
        model.property("cardTextDe").binder(new SnippetOffsetsBinder(SNIPPET_CARD_DE, true));
        model.property("cardTextEn").binder(new SnippetOffsetsBinder(SNIPPET_CARD_EN, false));
        suggest(model, "displayNameDe", SUGGEST_NAME_DE);
        suggest(model, "displayNameEn", SUGGEST_NAME_EN);
        suggest(model, "tags", SUGGEST_TAGS);
    }

    private static void suggest(TypeMappingStep model, String property, String field) {
        model.property(property)
                .fullTextField(field)
                .analyzer(CatalogAnalyzers.SUGGEST)
                .searchAnalyzer(CatalogAnalyzers.SUGGEST_QUERY);
    }

    private static void facet(TypeMappingStep model, String property, String field) {
        model.property(property)
                .keywordField(field)
                .projectable(Projectable.YES)
                .aggregable(Aggregable.YES)
                .searchable(Searchable.YES);
    }

    private static PropertyMappingFullTextFieldOptionsStep text(
            TypeMappingStep model, String property, String field, boolean german) {
        return model.property(property)
                .fullTextField(field)
                .analyzer(german ? CatalogAnalyzers.GERMAN : CatalogAnalyzers.ENGLISH)
                .searchAnalyzer(
                        german ? CatalogAnalyzers.GERMAN_QUERY : CatalogAnalyzers.ENGLISH_QUERY)
                .projectable(Projectable.YES);
    }
}
