/**
 * Who acts: the caller as the domain sees it (user, tenant, roles), independent of HTTP and tokens.
 */
package de.kihub.registry.access;
