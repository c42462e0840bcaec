package de.kihub.registry.model.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Row of table {@code model_card_revision} with its sections; written once, never changed. */
@Entity
@Table(name = "model_card_revision")
@IdClass(CardRevisionEntity.Key.class)
public class CardRevisionEntity {
    @Id
    @Column(name = "version_id")
    UUID versionId;

    @Id
    @Column(name = "revision")
    int revision;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "note", length = 200)
    String note;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(
            name = "model_card_revision_section",
            joinColumns = {
                @JoinColumn(name = "version_id", referencedColumnName = "version_id"),
                @JoinColumn(name = "revision", referencedColumnName = "revision")
            })
    List<ModelVersionEntity.CardText> sections = new ArrayList<>();

    /** The composite primary key. */
    public static class Key implements Serializable {
        UUID versionId;
        int revision;

        public Key() {}

        Key(UUID versionId, int revision) {
            this.versionId = versionId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.revision == revision && k.versionId.equals(versionId);
        }

        @Override
        public int hashCode() {
            return versionId.hashCode() * 31 + revision;
        }
    }
}
