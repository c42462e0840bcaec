/**
 * JPA implementation of the tenant directory; nothing outside the tenant package uses it directly.
 */
package de.kihub.registry.tenant.internal;
