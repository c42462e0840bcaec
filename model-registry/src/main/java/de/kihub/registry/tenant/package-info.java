/**
 * Tenants: the municipalities and institutions that own models, deployments and data. A tenant's
 * identity comes from the identity provider (a Keycloak organization); the hub keeps its own row so
 * that everything tenant-owned can reference it.
 */
package de.kihub.registry.tenant;
