/**
 * Catalog search: the Hibernate Search (Lucene) mapping of models, German and English analysis, and
 * {@link de.kihub.registry.search.CatalogSearch} with facets that respect visibility. Lucene and
 * Hibernate Search types stay in this package.
 */
package de.kihub.registry.search;
