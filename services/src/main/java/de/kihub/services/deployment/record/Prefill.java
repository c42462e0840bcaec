package de.kihub.services.deployment.record;

import java.util.Map;

/**
 * What the hub fills into empty record fields: the card's answers ({@link CardPrefill}), the
 * model's publisher as supplier, and the tenant's name as organisation. Fields the tenant wrote are
 * never replaced; filled ones are listed in {@link DeploymentRecord#prefilled()}.
 */
public record Prefill(Map<RecordField, String> card, String supplier, String organisation) {
    public static final Prefill NONE = new Prefill(Map.of(), null, null);

    public Prefill {
        card = Map.copyOf(card);
    }

    public DeploymentRecord apply(DeploymentRecord record) {
        DeploymentRecord r = record.withDefaults(card, CardPrefill.MODEL_CARD);
        if (supplier != null) {
            r = r.withDefaults(Map.of(RecordField.SUPPLIER, supplier), "model");
        }
        if (organisation != null) {
            r = r.withDefaults(Map.of(RecordField.ORGANISATION, organisation), "tenant");
        }
        return r;
    }
}
