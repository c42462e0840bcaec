package de.kihub.registry.model.internal;

import de.kihub.registry.card.CardSection;
import de.kihub.registry.version.SemanticVersion;
import de.kihub.registry.version.VersionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps a model's row in step with its latest released version: {@code released}, the version, its
 * artifact format and its card as plain text, which the catalog search indexes. Released versions
 * and their cards never change, so the version lifecycle is the only place that calls {@link
 * #refresh}.
 */
@ApplicationScoped
public class LatestRelease {
    /** Nine sections of at most 20,000 characters each, with the blank lines between them. */
    static final int MAX_CARD_TEXT = 200_000;

    private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern LINE_MARKUP =
            Pattern.compile("(?m)^[ \\t]*(?:#{1,6}[ \\t]+|>[ \\t]?|[-*+][ \\t]+)");
    private static final Pattern TABLE_RULE = Pattern.compile("(?m)^[ \\t|:-]*-[ \\t|:-]*$");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|~~|[*`]");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");

    @PersistenceContext EntityManager em;

    /**
     * Recomputes the release columns of the model from its versions (in the caller's transaction).
     */
    void refresh(ModelEntity model) {
        List<ModelVersionEntity> versions =
                em.createQuery(
                                "select v from ModelVersionEntity v where v.modelId = :m",
                                ModelVersionEntity.class)
                        .setParameter("m", model.id)
                        .getResultList();
        apply(model, latest(versions));
    }

    /**
     * Fills the release columns of models released before they existed (migration V8); returns how
     * many. A no-op once done: the lifecycle sets them together with {@code released}.
     */
    @Transactional
    public int backfill() {
        List<ModelEntity> models =
                em.createQuery(
                                "select m from ModelEntity m"
                                        + " where m.released = true and m.latestVersion is null",
                                ModelEntity.class)
                        .getResultList();
        models.forEach(this::refresh);
        return models.size();
    }

    /** The highest PUBLISHED version, else the highest DEPRECATED one, else null. */
    static ModelVersionEntity latest(Collection<ModelVersionEntity> versions) {
        Comparator<ModelVersionEntity> bySemver =
                Comparator.comparing(v -> SemanticVersion.parse(v.version));
        return versions.stream()
                .filter(v -> v.status == VersionStatus.PUBLISHED)
                .max(bySemver)
                .orElseGet(
                        () ->
                                versions.stream()
                                        .filter(v -> v.status == VersionStatus.DEPRECATED)
                                        .max(bySemver)
                                        .orElse(null));
    }

    static void apply(ModelEntity model, ModelVersionEntity latest) {
        model.released = latest != null;
        model.latestVersion = latest == null ? null : latest.version;
        model.latestFormat = latest == null ? null : latest.artifactFormat;
        model.cardTextDe = latest == null ? null : cardText(latest, JpaModelCards.DE);
        model.cardTextEn = latest == null ? null : cardText(latest, JpaModelCards.EN);
    }

    /** The card's sections in one language, in card order, as plain text; null if none. */
    static String cardText(ModelVersionEntity v, String language) {
        String text =
                v.card.stream()
                        .filter(t -> t.language.equals(language))
                        .sorted(Comparator.comparing(t -> CardSection.valueOf(t.section)))
                        .map(t -> plain(t.markdown))
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining("\n\n"));
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= MAX_CARD_TEXT ? text : text.substring(0, MAX_CARD_TEXT);
    }

    /**
     * Markdown without its markup (headings, quotes, bullets, emphasis, code ticks, link targets,
     * table rules, blank lines), so that search snippets read as text; null if nothing is left.
     */
    static String plain(String markdown) {
        if (markdown == null) {
            return null;
        }
        String text = IMAGE_OR_LINK.matcher(markdown).replaceAll("$1");
        text = TABLE_RULE.matcher(text).replaceAll("");
        text = LINE_MARKUP.matcher(text).replaceAll("");
        text = EMPHASIS.matcher(text).replaceAll("").replace('|', ' ');
        text =
                text.lines()
                        .map(line -> SPACES.matcher(line).replaceAll(" ").strip())
                        .filter(line -> !line.isEmpty())
                        .collect(Collectors.joining("\n"));
        return text.isEmpty() ? null : text;
    }
}
