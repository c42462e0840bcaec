/**
 * {@code /api/v1/audit}: the audit trail, each tenant's own for its admins, all of it for curators.
 */
package de.kihub.portal.api.audit;
