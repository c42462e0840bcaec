package de.kihub.portal.web;

import de.kihub.registry.access.Actor;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.VersionStatus;
import de.kihub.registry.version.Versions;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.deployment.DeploymentRecords;
import de.kihub.services.deployment.DeploymentStatus;
import de.kihub.services.deployment.Deployments;
import de.kihub.services.deployment.RecordView;
import de.kihub.services.deployment.record.RecordFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One deployment's page, {@code /kommune/einsaetze/{id}}: status, model and version, the
 * configuration, whether the record is complete and signed off, the risk class, the lifecycle
 * actions (activate, pause, retire, upgrade to another published version of the model, roll back),
 * and links to the record's exports, the public transparency page, the machine credentials and the
 * usage page.
 */
@ApplicationScoped
public class DeploymentPage {
    static final Set<String> DONE =
            Set.of("activate", "pause", "retire", "upgrade", "rollback", "created", "configured");

    /** An export of the record: its format key and the address of the API that writes it. */
    public record Export(String format, String href) {}

    @Inject Deployments deployments;

    @Inject DeploymentRecords records;

    @Inject Versions versions;

    void show(TenantExchange x, UUID id) throws IOException {
        String done = x.param("done");
        x.page().put("done", DONE.contains(done) ? done : null);
        render(x, id);
    }

    void render(TenantExchange x, UUID id) throws IOException {
        Deployment d = deployments.get(x.actor(), x.tenant(), id);
        RecordView view = records.view(x.actor(), x.tenant(), id);
        List<String> actions = new ArrayList<>(TenantDeploymentsServlet.actions(d));
        if (d.previousVersion() != null && d.status() != DeploymentStatus.RETIRED) {
            actions.add("rollback");
        }
        x.page()
                .put("d", d)
                .put("view", view)
                .put("actions", actions)
                .put("operator", operator(x.actor()))
                .put("configuration", ConfigurationForm.of(d.configuration()))
                .put("configFields", ConfigurationForm.FIELDS)
                .put("createdAt", DeploymentDocumentation.MINUTE.format(d.createdAt()))
                .put(
                        "signedAt",
                        d.signOff() == null
                                ? null
                                : DeploymentDocumentation.MINUTE.format(d.signOff().at()))
                .put("counting", DeploymentWizard.PEOPLE_COUNTING.equals(d.task()))
                .put(
                        "upgrades",
                        d.status() == DeploymentStatus.RETIRED ? List.of() : upgrades(x, d))
                .put("exports", exports(x, id))
                .put(
                        "transparency",
                        d.status() == DeploymentStatus.ACTIVE && d.signOff() != null
                                ? "/transparenz/" + x.tenant() + "/" + d.name()
                                : null);
        x.render("deployment-view");
    }

    private List<String> upgrades(TenantExchange x, Deployment d) {
        return versions.list(x.actor(), ModelRef.parse(d.model())).stream()
                .filter(v -> v.status() == VersionStatus.PUBLISHED)
                .map(ModelVersion::version)
                .filter(v -> !v.equals(d.version()))
                .toList();
    }

    static List<Export> exports(TenantExchange x, UUID id) {
        String base =
                x.request().getContextPath()
                        + "/api/v1/tenants/"
                        + x.tenant()
                        + "/deployments/"
                        + id
                        + "/record?format=";
        List<Export> exports = new ArrayList<>();
        for (RecordFormat f : RecordFormat.values()) {
            String href = base + f.key();
            if (f == RecordFormat.HTML && "en".equals(x.page().locale().getLanguage())) {
                href += "&lang=en";
            }
            exports.add(new Export(f.key(), href));
        }
        return exports;
    }

    static boolean operator(Actor actor) {
        return actor.roles().contains(Actor.DEPLOYER) || actor.roles().contains(Actor.TENANT_ADMIN);
    }
}
