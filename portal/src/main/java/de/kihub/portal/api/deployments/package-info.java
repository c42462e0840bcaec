/**
 * A tenant's deployments at {@code /api/v1/tenants/{tenant}/deployments}: lifecycle, record and
 * sign-off, machine credentials, and the calls cameras and people make on an active deployment.
 * Another tenant's deployment answers 404 to everything.
 */
package de.kihub.portal.api.deployments;
