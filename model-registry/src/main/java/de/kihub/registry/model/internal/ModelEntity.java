package de.kihub.registry.model.internal;

import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.model.Maturity;
import de.kihub.registry.model.RiskClass;
import de.kihub.registry.model.Visibility;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** Row of table {@code model}; never serialised, mapped by {@link ModelMapper}. */
@Entity
@Table(name = "model")
public class ModelEntity {
    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "owner_id", nullable = false, length = 63)
    String ownerId;

    @Column(name = "name", nullable = false, length = 63)
    String name;

    @Column(name = "display_name_de", nullable = false, length = 200)
    String displayNameDe;

    @Column(name = "display_name_en", nullable = false, length = 200)
    String displayNameEn;

    @Column(name = "description_de", length = 4000)
    String descriptionDe;

    @Column(name = "description_en", length = 4000)
    String descriptionEn;

    @Column(name = "task", nullable = false, length = 60)
    String task;

    @Column(name = "domain", nullable = false, length = 100)
    String domain;

    @Column(name = "license", nullable = false, length = 100)
    String license;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_class", length = 20)
    RiskClass riskClass;

    @Enumerated(EnumType.STRING)
    @Column(name = "maturity", length = 20)
    Maturity maturity;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", nullable = false, length = 20)
    Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_visibility", length = 20)
    Visibility requestedVisibility;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /**
     * Has a PUBLISHED or DEPRECATED version. Kept on the row (by {@link JpaVersions}) so that the
     * search index can hide unreleased models from other tenants without a join.
     */
    @Column(name = "released", nullable = false)
    boolean released;

    /**
     * Tenants with an ACTIVE deployment of this model ("genutzt von N Kommunen"), recorded by the
     * deployments through {@link JpaModelUsage}.
     */
    @Column(name = "active_tenants", nullable = false)
    int activeTenants;

    /**
     * The latest released version (the highest PUBLISHED one, else the highest DEPRECATED one), its
     * artifact format and its card as plain text; null while nothing is released. Kept on the row
     * by the version lifecycle ({@link LatestRelease}) so that the search index needs no join: a
     * released card never changes, so these change only when a version's status does.
     */
    @Column(name = "latest_version", length = 100)
    String latestVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "latest_format", length = 20)
    ArtifactFormat latestFormat;

    @Column(name = "card_text_de", length = LatestRelease.MAX_CARD_TEXT)
    String cardTextDe;

    @Column(name = "card_text_en", length = LatestRelease.MAX_CARD_TEXT)
    String cardTextEn;

    @Version
    @Column(name = "row_version", nullable = false)
    long rowVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "model_tag", joinColumns = @JoinColumn(name = "model_id"))
    @Column(name = "tag", length = 60)
    Set<String> tags = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "model_community", joinColumns = @JoinColumn(name = "model_id"))
    @Column(name = "community_id", length = 63)
    Set<String> communities = new LinkedHashSet<>();
}
