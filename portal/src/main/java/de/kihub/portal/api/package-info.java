/**
 * The versioned HTTP API under {@code /api/v1}; its OpenAPI document is served at {@code /openapi}.
 */
package de.kihub.portal.api;
