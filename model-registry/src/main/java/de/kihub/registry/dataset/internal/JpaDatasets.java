package de.kihub.registry.dataset.internal;

import de.kihub.registry.Texts;
import de.kihub.registry.access.Actor;
import de.kihub.registry.artifact.Sha256;
import de.kihub.registry.audit.AuditLog;
import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetCreate;
import de.kihub.registry.dataset.DatasetRef;
import de.kihub.registry.dataset.Datasets;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.CatalogVocabulary;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Datasets backed by table {@code dataset}. A dataset the actor may not see answers exactly like
 * one that does not exist, so that nobody learns another tenant's private datasets.
 */
@ApplicationScoped
public class JpaDatasets implements Datasets {
    static final int MAX_LIST = 500;

    @PersistenceContext EntityManager em;

    @Inject AuditLog audit;

    @Override
    @Transactional
    public Dataset create(Actor actor, DatasetCreate create) {
        if (create == null) {
            throw new InvalidRequestException("A JSON request body is required.");
        }
        if (actor.tenant() == null) {
            throw new ForbiddenException("Only a member of a tenant can own a dataset.");
        }
        actor.requireRoleIn(actor.tenant(), Actor.PUBLISHER, Actor.DEPLOYER);
        DatasetRef ref = new DatasetRef(actor.tenant(), create.name());
        if (find(ref, LockModeType.NONE) != null) {
            throw new ConflictException("The dataset '" + ref + "' exists already.");
        }
        if (create.format() == null) {
            throw new InvalidRequestException(
                    "'format' is required: COUNTS_CSV, MOT or CLASS_FOLDERS.");
        }
        DatasetEntity e = new DatasetEntity();
        e.id = UUID.randomUUID();
        e.ownerId = ref.owner().value();
        e.name = ref.name();
        e.displayName = Texts.required(create.displayName(), "displayName", 200);
        e.description = Texts.optional(create.description(), "description", 4000);
        e.format = create.format();
        e.task =
                DatasetAccess.task(
                        e.format,
                        CatalogVocabulary.task(Texts.required(create.task(), "task", 60)));
        e.license = CatalogVocabulary.license(create.license());
        e.visibility = Visibility.PRIVATE;
        e.requestedVisibility = requested(create.visibility());
        e.createdBy = actor.user();
        e.createdAt = now();
        e.updatedAt = e.createdAt;
        em.persist(e);
        audit.record(
                actor.user(),
                ref.owner(),
                "dataset.created",
                "dataset",
                ref.toString(),
                e.format
                        + ", task "
                        + e.task
                        + ", visibility PRIVATE"
                        + (e.requestedVisibility == null
                                ? ""
                                : ", requested PUBLIC (takes effect on a curator's approval)"));
        return DatasetMapper.toDataset(e);
    }

    @Override
    public Dataset get(Actor actor, DatasetRef ref) {
        return DatasetMapper.toDataset(visible(actor, ref, LockModeType.NONE));
    }

    @Override
    public Dataset get(UUID id) {
        DatasetEntity e = id == null ? null : em.find(DatasetEntity.class, id);
        if (e == null) {
            throw new NotFoundException("There is no dataset " + id + ".");
        }
        return DatasetMapper.toDataset(e);
    }

    @Override
    public List<Dataset> list(Actor actor, String task, int limit) {
        StringBuilder jpql = new StringBuilder("select d from DatasetEntity d where 1 = 1");
        if (!actor.isCurator()) {
            jpql.append(" and (d.visibility = :public")
                    .append(actor.tenant() == null ? ")" : " or d.ownerId = :tenant)");
        }
        if (task != null && !task.isBlank()) {
            jpql.append(" and d.task = :task");
        }
        jpql.append(" order by d.createdAt desc, d.name");
        TypedQuery<DatasetEntity> query = em.createQuery(jpql.toString(), DatasetEntity.class);
        if (!actor.isCurator()) {
            query.setParameter("public", Visibility.PUBLIC);
            if (actor.tenant() != null) {
                query.setParameter("tenant", actor.tenant().value());
            }
        }
        if (task != null && !task.isBlank()) {
            query.setParameter("task", CatalogVocabulary.task(task.strip()));
        }
        return query.setMaxResults(Math.min(Math.max(limit, 1), MAX_LIST))
                .getResultStream()
                .map(DatasetMapper::toDataset)
                .toList();
    }

    @Override
    public void requireContentUpload(Actor actor, DatasetRef ref) {
        requireContentChange(actor, ref, visible(actor, ref, LockModeType.NONE));
    }

    @Override
    @Transactional
    public Dataset recordContent(Actor actor, DatasetRef ref, String sha256, long size, int items) {
        // locked, so that two uploads or an upload and a review of one dataset are serialised
        DatasetEntity e = visible(actor, ref, LockModeType.PESSIMISTIC_WRITE);
        requireContentChange(actor, ref, e);
        String sha = Sha256.of(sha256).hex();
        if (size < 0 || items < 0) {
            throw new IllegalArgumentException("size and items must not be negative");
        }
        String before = e.sha256;
        e.sha256 = sha;
        e.sizeBytes = size;
        e.items = items;
        e.updatedAt = now();
        audit.record(
                actor.user(),
                ref.owner(),
                "dataset.content-uploaded",
                "dataset",
                ref.toString(),
                "sha256 " + before + " -> " + sha + ", " + size + " bytes, " + items + " items");
        return DatasetMapper.toDataset(e);
    }

    @Override
    @Transactional
    public Dataset review(Actor actor, DatasetRef ref, boolean approve, String comment) {
        DatasetEntity e = visible(actor, ref, LockModeType.PESSIMISTIC_WRITE);
        actor.requireCurator();
        if (e.requestedVisibility != Visibility.PUBLIC) {
            throw new ConflictException(
                    "The dataset '" + ref + "' has no pending request to become PUBLIC.");
        }
        String note = Texts.optional(comment, "comment", 2000);
        Visibility before = e.visibility;
        if (approve) {
            if (e.sha256 == null) {
                throw new ConflictException(
                        "The dataset '"
                                + ref
                                + "' has no validated content yet; its owner uploads it before"
                                + " a curator can approve it.");
            }
            e.visibility = Visibility.PUBLIC;
        } else if (note == null) {
            throw new InvalidRequestException("A rejection needs a 'comment' for the owner.");
        }
        e.requestedVisibility = null;
        e.reviewComment = note;
        e.updatedAt = now();
        audit.record(
                actor.user(),
                ref.owner(),
                approve ? "dataset.approved" : "dataset.rejected",
                "dataset",
                ref.toString(),
                "visibility " + before + " -> " + e.visibility + (note == null ? "" : ": " + note));
        return DatasetMapper.toDataset(e);
    }

    @Override
    public Set<String> referencedContent() {
        return Set.copyOf(
                em.createQuery(
                                "select distinct d.sha256 from DatasetEntity d"
                                        + " where d.sha256 is not null",
                                String.class)
                        .getResultList());
    }

    private DatasetEntity visible(Actor actor, DatasetRef ref, LockModeType lock) {
        DatasetEntity e = find(ref, lock);
        if (e == null || !DatasetAccess.canSee(actor, TenantId.of(e.ownerId), e.visibility)) {
            throw new NotFoundException("There is no dataset '" + ref + "'.");
        }
        return e;
    }

    private DatasetEntity find(DatasetRef ref, LockModeType lock) {
        return em.createQuery(
                        "select d from DatasetEntity d where d.ownerId = :o and d.name = :n",
                        DatasetEntity.class)
                .setParameter("o", ref.owner().value())
                .setParameter("n", ref.name())
                .setLockMode(lock)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** A publisher or deployer of the owner tenant, and only while the dataset is not public. */
    private static void requireContentChange(Actor actor, DatasetRef ref, DatasetEntity e) {
        actor.requireRoleIn(ref.owner(), Actor.PUBLISHER, Actor.DEPLOYER);
        if (e.visibility == Visibility.PUBLIC) {
            throw new ConflictException(
                    "The dataset '"
                            + ref
                            + "' is public; its content is fixed so that evaluations against it"
                            + " stay comparable. Register a new dataset for new content.");
        }
    }

    /** PUBLIC is only ever requested; COMMUNITY is not offered for datasets. */
    private static Visibility requested(Visibility wanted) {
        if (wanted == null || wanted == Visibility.PRIVATE) {
            return null;
        }
        if (wanted == Visibility.COMMUNITY) {
            throw new InvalidRequestException(
                    "A dataset is PRIVATE (its tenant) or PUBLIC (after a curator's approval);"
                            + " COMMUNITY is not offered for datasets.");
        }
        return Visibility.PUBLIC;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
