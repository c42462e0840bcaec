package de.kihub.registry.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Registers the catalog analyzers with the Lucene backend (persistence.xml, {@code
 * hibernate.search.backend.analysis.configurer}).
 */
public class CatalogAnalysis implements LuceneAnalysisConfigurer {
    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(CatalogAnalyzers.GERMAN).instance(CatalogAnalyzers.german());
        context.analyzer(CatalogAnalyzers.GERMAN_QUERY).instance(CatalogAnalyzers.germanQuery());
        context.analyzer(CatalogAnalyzers.ENGLISH).instance(CatalogAnalyzers.english());
        context.analyzer(CatalogAnalyzers.ENGLISH_QUERY).instance(CatalogAnalyzers.englishQuery());
        context.analyzer(CatalogAnalyzers.SUGGEST).instance(CatalogAnalyzers.suggest());
        context.analyzer(CatalogAnalyzers.SUGGEST_QUERY).instance(CatalogAnalyzers.suggestQuery());
    }
}
