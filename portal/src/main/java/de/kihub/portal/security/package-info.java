/**
 * Who the caller is: user, tenant (from the token's organization claim) and roles, resolved once
 * per request from the OIDC security context that WildFly's elytron-oidc-client established.
 */
package de.kihub.portal.security;
