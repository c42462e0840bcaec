package de.kihub.portal.security;

import de.kihub.registry.access.Actor;

/**
 * The hub's realm roles, as they appear in Keycloak tokens; the names are the domain's ({@link
 * Actor}), documented here for the HTTP layer.
 */
public final class Role {
    /** Hub operator: reviews submissions, manages tenants and shared benchmarks. */
    public static final String CURATOR = Actor.CURATOR;

    /** Administers one municipality's use of the hub. */
    public static final String TENANT_ADMIN = Actor.TENANT_ADMIN;

    /** Deploys and configures models for its tenant. */
    public static final String DEPLOYER = Actor.DEPLOYER;

    /** Data-protection officer: signs off deployment records. */
    public static final String DPO = Actor.DPO;

    /** Researcher or vendor: publishes models into the catalog. */
    public static final String PUBLISHER = Actor.PUBLISHER;

    /** Municipal staff: reads what its tenant may see. */
    public static final String MEMBER = Actor.MEMBER;

    private Role() {}
}
