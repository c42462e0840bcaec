package de.kihub.registry.model.internal;

import de.kihub.registry.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Describes what an update changed, before and after, for the audit trail. */
final class ModelDiff {
    private ModelDiff() {}

    static String describe(Model before, Model after) {
        List<String> changes = new ArrayList<>();
        add(changes, "displayName", before.displayName(), after.displayName());
        add(changes, "description", before.description(), after.description());
        add(changes, "task", before.task(), after.task());
        add(changes, "domain", before.domain(), after.domain());
        add(changes, "license", before.license(), after.license());
        add(changes, "riskClass", before.riskClass(), after.riskClass());
        add(changes, "maturity", before.maturity(), after.maturity());
        add(changes, "tags", before.tags(), after.tags());
        add(changes, "visibility", before.visibility(), after.visibility());
        add(
                changes,
                "requestedVisibility",
                before.requestedVisibility(),
                after.requestedVisibility());
        add(changes, "communities", before.communities(), after.communities());
        return String.join("; ", changes);
    }

    private static void add(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + before + " -> " + after);
        }
    }
}
