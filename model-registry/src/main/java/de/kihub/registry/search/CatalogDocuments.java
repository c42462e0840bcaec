package de.kihub.registry.search;

import de.kihub.registry.model.LocalizedText;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermVectors;

/**
 * Reads a found model from the stored fields of its index document, in the encoding Hibernate
 * Search writes them (projectable fields): strings and enum names as strings, instants as ISO-8601
 * text, integers as int.
 */
final class CatalogDocuments {
    /** The stored fields a hit needs; the others (e.g. suggestion fields) are not read. */
    private static final Set<String> FIELDS =
            Set.of(
                    CatalogFields.OWNER,
                    CatalogFields.NAME,
                    CatalogFields.DISPLAY_NAME_DE,
                    CatalogFields.DISPLAY_NAME_EN,
                    CatalogFields.DESCRIPTION_DE,
                    CatalogFields.DESCRIPTION_EN,
                    CatalogFields.TASK,
                    CatalogFields.DOMAIN,
                    CatalogFields.LICENSE,
                    CatalogFields.TAGS,
                    CatalogFields.VISIBILITY,
                    CatalogFields.UPDATED_AT,
                    CatalogFields.RISK_CLASS,
                    CatalogFields.MATURITY,
                    CatalogFields.LATEST_VERSION,
                    CatalogFields.FORMAT,
                    CatalogFields.ACTIVE_TENANTS,
                    CatalogFields.CARD_DE,
                    CatalogFields.CARD_EN);

    private CatalogDocuments() {}

    /**
     * The hit of document {@code doc}; the snippet only when there is a query text, from the
     * document's term vectors where it has them.
     */
    static CatalogHit hit(
            StoredFields stored, TermVectors vectors, int doc, CatalogHighlighter highlighter)
            throws IOException {
        Document d = stored.document(doc, FIELDS);
        String owner = d.get(CatalogFields.OWNER);
        String name = d.get(CatalogFields.NAME);
        String descriptionDe = d.get(CatalogFields.DESCRIPTION_DE);
        String descriptionEn = d.get(CatalogFields.DESCRIPTION_EN);
        String updatedAt = d.get(CatalogFields.UPDATED_AT);
        IndexableField activeTenants = d.getField(CatalogFields.ACTIVE_TENANTS);
        return new CatalogHit(
                owner + "/" + name,
                owner,
                name,
                new LocalizedText(
                        d.get(CatalogFields.DISPLAY_NAME_DE), d.get(CatalogFields.DISPLAY_NAME_EN)),
                new LocalizedText(descriptionDe, descriptionEn),
                d.get(CatalogFields.TASK),
                d.get(CatalogFields.DOMAIN),
                d.get(CatalogFields.LICENSE),
                new ArrayList<>(List.of(d.getValues(CatalogFields.TAGS))),
                d.get(CatalogFields.VISIBILITY),
                updatedAt == null ? null : Instant.parse(updatedAt),
                d.get(CatalogFields.RISK_CLASS),
                d.get(CatalogFields.MATURITY),
                d.get(CatalogFields.LATEST_VERSION),
                d.get(CatalogFields.FORMAT),
                activeTenants == null ? 0 : activeTenants.numericValue().intValue(),
                highlighter == null
                        ? null
                        : highlighter.snippet(
                                vectors.get(doc),
                                descriptionDe,
                                descriptionEn,
                                d.get(CatalogFields.CARD_DE),
                                d.get(CatalogFields.CARD_EN)));
    }
}
