package de.kihub.portal.web;

import de.kihub.registry.model.Model;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.VersionStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * What the model page shows: the catalog entry in the page's language and its versions with their
 * status. A released version is dated by its approval, others by their creation.
 */
record ModelPage(
        String model,
        String owner,
        String name,
        String displayName,
        String description,
        String task,
        String domain,
        String license,
        String riskClass,
        String maturity,
        List<String> tags,
        String ownerCatalogHref,
        List<VersionRow> versions) {

    /** Dates are shown in the hub's time zone (the municipalities it serves). */
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    record VersionRow(
            String version, String status, String isoDate, String date, String changelog) {}

    /** The page of a model: {@code /katalog/owner/name}. */
    static String href(String owner, String name) {
        return CatalogView.PATH
                + "/"
                + QueryParameters.encode(owner)
                + "/"
                + QueryParameters.encode(name);
    }

    /** Dates as the pages show them: long form in the page's language, hub time zone. */
    static DateTimeFormatter dateFormat(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .withZone(ZONE);
    }

    static ModelPage of(Model model, List<ModelVersion> versions, Locale locale) {
        boolean english = Language.ENGLISH.getLanguage().equals(locale.getLanguage());
        DateTimeFormatter format = dateFormat(locale);
        return new ModelPage(
                model.model(),
                model.owner(),
                model.name(),
                CatalogView.localized(model.displayName(), english),
                CatalogView.localized(model.description(), english),
                model.task(),
                model.domain(),
                model.license(),
                model.riskClass() == null ? null : model.riskClass().name(),
                model.maturity() == null ? null : model.maturity().name(),
                model.tags() == null ? List.of() : model.tags(),
                QueryParameters.EMPTY.with("owner", model.owner()).link(CatalogView.PATH),
                versions.stream().map(v -> row(v, format)).toList());
    }

    private static VersionRow row(ModelVersion v, DateTimeFormatter format) {
        Instant when =
                VersionStatus.RELEASED.contains(v.status()) && v.reviewedAt() != null
                        ? v.reviewedAt()
                        : v.createdAt();
        return new VersionRow(
                v.version(),
                v.status().name(),
                when == null ? null : DateTimeFormatter.ISO_INSTANT.format(when),
                when == null ? null : format.format(when),
                v.changelog());
    }
}
