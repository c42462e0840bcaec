/**
 * {@code /api/v1/catalog}: searching the shared catalog (free text, filters, facets), and
 * rebuilding the search index.
 */
package de.kihub.portal.api.catalog;
