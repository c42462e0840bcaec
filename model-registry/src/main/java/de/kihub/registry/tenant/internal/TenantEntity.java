package de.kihub.registry.tenant.internal;

import de.kihub.registry.tenant.TenantKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of table {@code tenant}; never serialised, mapped by {@link TenantMapper}. */
@Entity
@Table(name = "tenant")
public class TenantEntity {
    @Id
    @Column(name = "id", length = 63)
    String id;

    @Column(name = "display_name", nullable = false, length = 200)
    String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    TenantKind kind;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected TenantEntity() {}

    TenantEntity(String id, String displayName, TenantKind kind, Instant createdAt) {
        this.id = id;
        this.displayName = displayName;
        this.kind = kind;
        this.createdAt = createdAt;
    }
}
