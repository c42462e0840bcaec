package de.kihub.portal.security;

/** The hub's realm roles, as they appear in Keycloak tokens. */
public final class Role {
    /** Hub operator: reviews submissions, manages tenants and shared benchmarks. */
    public static final String CURATOR = "curator";

    /** Administers one municipality's use of the hub. */
    public static final String TENANT_ADMIN = "tenant-admin";

    /** Deploys and configures models for its tenant. */
    public static final String DEPLOYER = "deployer";

    /** Data-protection officer: signs off deployment records. */
    public static final String DPO = "dpo";

    /** Researcher or vendor: publishes models into the catalog. */
    public static final String PUBLISHER = "publisher";

    /** Municipal staff: reads what its tenant may see. */
    public static final String MEMBER = "member";

    private Role() {}
}
