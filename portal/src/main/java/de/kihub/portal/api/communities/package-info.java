/** {@code /api/v1/communities}: communities of tenants that share models privately. */
package de.kihub.portal.api.communities;
