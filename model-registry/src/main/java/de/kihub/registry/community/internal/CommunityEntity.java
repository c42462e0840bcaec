package de.kihub.registry.community.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Row of table {@code community} with its members; never serialised. */
@Entity
@Table(name = "community")
public class CommunityEntity {
    @Id
    @Column(name = "id", length = 63)
    String id;

    @Column(name = "display_name", nullable = false, length = 200)
    String displayName;

    @Column(name = "description", length = 2000)
    String description;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "community_member", joinColumns = @JoinColumn(name = "community_id"))
    List<Membership> members = new ArrayList<>();

    /** One member tenant and when it joined. */
    @Embeddable
    public static class Membership {
        @Column(name = "tenant_id", length = 63, nullable = false)
        String tenantId;

        @Column(name = "joined_at", nullable = false)
        Instant joinedAt;

        protected Membership() {}

        Membership(String tenantId, Instant joinedAt) {
            this.tenantId = tenantId;
            this.joinedAt = joinedAt;
        }
    }

    protected CommunityEntity() {}

    CommunityEntity(
            String id, String displayName, String description, Instant createdAt, String by) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
        this.createdAt = createdAt;
        this.createdBy = by;
    }
}
