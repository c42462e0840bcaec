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

    /** The stored fields of document {@code doc} that a hit needs. */
    static Document document(StoredFields stored, int doc) throws IOException {
        return stored.document(doc, FIELDS);
    }

    /** The texts a snippet is cut from: German and English description, German and English card. */
    static String[] snippetTexts(Document d) {
        return new String[] {
            d.get(CatalogFields.DESCRIPTION_DE),
            d.get(CatalogFields.DESCRIPTION_EN),
            d.get(CatalogFields.CARD_DE),
            d.get(CatalogFields.CARD_EN)
        };
    }

    /** The hit of a document, with its snippet (null without a query text). */
    static CatalogHit hit(Document d, String snippet) {
        String owner = d.get(CatalogFields.OWNER);
        String name = d.get(CatalogFields.NAME);
        String updatedAt = d.get(CatalogFields.UPDATED_AT);
        IndexableField activeTenants = d.getField(CatalogFields.ACTIVE_TENANTS);
        return new CatalogHit(
                owner + "/" + name,
                owner,
                name,
                new LocalizedText(
                        d.get(CatalogFields.DISPLAY_NAME_DE), d.get(CatalogFields.DISPLAY_NAME_EN)),
                new LocalizedText(
                        d.get(CatalogFields.DESCRIPTION_DE), d.get(CatalogFields.DESCRIPTION_EN)),
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
                snippet);
    }
}
