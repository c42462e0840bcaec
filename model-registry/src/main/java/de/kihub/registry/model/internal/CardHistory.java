package de.kihub.registry.model.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Keeps every saved state of a version's card. Callers hold the version (a new one, or a draft
 * locked for the transaction), so revision numbers of one version cannot race.
 */
@ApplicationScoped
public class CardHistory {

    @PersistenceContext EntityManager em;

    /** Adds the version's current card as its next revision; returns the revision number. */
    int record(ModelVersionEntity v, String author, String note) {
        CardRevisionEntity r = new CardRevisionEntity();
        r.versionId = v.id;
        r.revision = latest(v) + 1;
        r.createdAt = JpaModels.now();
        r.createdBy = author;
        r.note = note;
        v.card.forEach(
                t ->
                        r.sections.add(
                                new ModelVersionEntity.CardText(
                                        t.section, t.language, t.markdown)));
        em.persist(r);
        return r.revision;
    }

    /** The latest revision number, 0 if there is none. */
    int latest(ModelVersionEntity v) {
        Integer max =
                em.createQuery(
                                "select max(r.revision) from CardRevisionEntity r"
                                        + " where r.versionId = :v",
                                Integer.class)
                        .setParameter("v", v.id)
                        .getSingleResult();
        return max == null ? 0 : max;
    }

    /** The newest {@code limit} revisions, newest first, with their sections. */
    List<CardRevisionEntity> newest(ModelVersionEntity v, int limit) {
        List<Integer> numbers =
                em.createQuery(
                                "select r.revision from CardRevisionEntity r where r.versionId = :v"
                                        + " order by r.revision desc",
                                Integer.class)
                        .setParameter("v", v.id)
                        .setMaxResults(limit)
                        .getResultList();
        if (numbers.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select distinct r from CardRevisionEntity r left join fetch r.sections"
                                + " where r.versionId = :v and r.revision in :n"
                                + " order by r.revision desc",
                        CardRevisionEntity.class)
                .setParameter("v", v.id)
                .setParameter("n", numbers)
                .getResultList();
    }

    /** One revision with its sections, or null. */
    CardRevisionEntity find(ModelVersionEntity v, int revision) {
        return em.createQuery(
                        "select r from CardRevisionEntity r left join fetch r.sections"
                                + " where r.versionId = :v and r.revision = :n",
                        CardRevisionEntity.class)
                .setParameter("v", v.id)
                .setParameter("n", revision)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
