package de.kihub.portal.web;

import de.kihub.registry.access.Actor;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.deployment.DeploymentRecords;
import de.kihub.services.deployment.Deployments;
import de.kihub.services.deployment.RecordView;
import de.kihub.services.deployment.record.RecordDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The data-protection officer's view of a deployment, {@code
 * /kommune/einsaetze/{id}/dokumentation}: the whole record as the printable export shows it ({@link
 * RecordPage}), the questionnaire's result, what is still missing, links to every export, and the
 * sign-off form with its required comment ({@code POST .../freigabe}). Only the tenant's {@code
 * dpo} may sign off; the service enforces it (403 page otherwise) and refuses an incomplete record
 * (409 with its reason).
 */
@ApplicationScoped
public class DeploymentDocumentation {
    static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject Deployments deployments;

    @Inject DeploymentRecords records;

    void show(TenantExchange x, UUID id) throws IOException {
        x.page().put("done", "signed".equals(x.param("done")) ? "signed" : null);
        render(x, id, "");
    }

    void signOff(TenantExchange x, UUID id) throws IOException {
        String comment = x.param("comment");
        FormErrors errors = new FormErrors();
        if (!x.actor().roles().contains(Actor.DPO)) {
            // the service refuses too; asking first keeps a non-DPO's comment out of the checks
            throw new ForbiddenException("Only the tenant's dpo signs off.");
        }
        if (comment.isEmpty()) {
            errors.key("comment", "documentation.error.comment", null);
        } else {
            try {
                records.signOff(x.actor(), x.tenant(), id, comment);
                x.redirect(TenantExchange.page(id) + "/dokumentation?done=signed#sign-off-state");
                return;
            } catch (ConflictException e) {
                x.page().status(409).put("problem", e.getMessage());
                render(x, id, comment);
                return;
            }
        }
        x.page().status(400).put("errors", errors.map());
        render(x, id, comment);
    }

    private void render(TenantExchange x, UUID id, String comment) throws IOException {
        Deployment d = deployments.get(x.actor(), x.tenant(), id);
        RecordView view = records.view(x.actor(), x.tenant(), id);
        RecordDocument doc = records.document(x.actor(), x.tenant(), id);
        x.page().values().putAll(RecordPage.model(doc, x.page().locale(), false));
        x.page().values().putIfAbsent("errors", java.util.Map.of());
        x.page()
                .put("d", d)
                .put("view", view)
                .put("signedAt", d.signOff() == null ? null : MINUTE.format(d.signOff().at()))
                .put("dpo", x.actor().roles().contains(Actor.DPO))
                .put("comment", comment)
                .put("exports", DeploymentPage.exports(x, id));
        x.render("deployment-documentation");
    }
}
