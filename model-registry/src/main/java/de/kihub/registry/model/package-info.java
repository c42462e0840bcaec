/**
 * Catalog entries: a model owned by a tenant, addressed as {@code owner/name}, with bilingual
 * texts, task, domain, licence, tags and visibility (private, shared with communities, or public).
 */
package de.kihub.registry.model;
