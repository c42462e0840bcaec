package de.kihub.portal.web;

import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.credentials.CredentialInfo;
import de.kihub.services.credentials.IssuedCredential;
import de.kihub.services.credentials.MachineCredentials;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.deployment.Deployments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A deployment's machine credentials, {@code /kommune/einsaetze/{id}/zugaenge}, for its deployers
 * and admins: the list without secrets, and POST forms to create, rotate and revoke. A new key is
 * kept in the session only until the page after the redirect has shown it once (post/redirect/get
 * without the secret ever being in an address or a log); reloading that page no longer shows it.
 */
@ApplicationScoped
public class DeploymentCredentials {
    static final Set<String> DONE = Set.of("created", "rotated", "revoked");
    private static final String ISSUED = DeploymentCredentials.class.getName() + ".issued.";

    /** A key just issued, kept in the session until it is shown; serializable like the session. */
    public record Issued(String name, String keyId, String key) implements java.io.Serializable {
        /** Without the key, so that logging it cannot leak it. */
        @Override
        public String toString() {
            return "Issued[name=" + name + ", keyId=" + keyId + "]";
        }
    }

    @Inject Deployments deployments;

    @Inject MachineCredentials credentials;

    void show(TenantExchange x, UUID id) throws IOException {
        String done = x.param("done");
        x.page().put("done", DONE.contains(done) ? done : null);
        render(x, id, "", new FormErrors());
    }

    void create(TenantExchange x, UUID id) throws IOException {
        deployments.requireOperable(x.actor(), x.tenant(), id);
        String name = x.param("name");
        FormErrors errors = new FormErrors();
        if (name.isEmpty()) {
            errors.key("name", "credentials.error.name", null);
        } else {
            try {
                issued(x, id, credentials.create(id, x.tenant(), name, x.actor().user()));
                x.redirect(TenantExchange.page(id) + "/zugaenge?done=created#issued");
                return;
            } catch (InvalidRequestException e) {
                errors.text("name", e.getMessage());
            } catch (ConflictException e) {
                x.page().status(409).put("problem", e.getMessage());
                render(x, id, name, errors);
                return;
            }
        }
        x.page().status(400);
        render(x, id, name, errors);
    }

    void change(TenantExchange x, UUID id, UUID credential, String action) throws IOException {
        deployments.requireOperable(x.actor(), x.tenant(), id);
        try {
            switch (action) {
                case "rotate" -> {
                    issued(x, id, credentials.rotate(id, credential, x.actor().user()));
                    x.redirect(TenantExchange.page(id) + "/zugaenge?done=rotated#issued");
                }
                case "revoke" -> {
                    credentials.revoke(id, credential, x.actor().user());
                    x.redirect(TenantExchange.page(id) + "/zugaenge?done=revoked");
                }
                default -> x.error(404, "error.notFound");
            }
        } catch (ConflictException e) {
            x.page().status(409).put("problem", e.getMessage());
            render(x, id, "", new FormErrors());
        }
    }

    private void render(TenantExchange x, UUID id, String name, FormErrors errors)
            throws IOException {
        deployments.requireOperable(x.actor(), x.tenant(), id);
        Deployment d = deployments.get(x.actor(), x.tenant(), id);
        List<CredentialInfo> list = credentials.list(id);
        x.page()
                .put("d", d)
                .put("credentials", list)
                .put("issued", takeIssued(x, id))
                .put("name", name)
                .put("errors", errors.map());
        x.render("deployment-credentials");
    }

    private static void issued(TenantExchange x, UUID id, IssuedCredential issued) {
        x.request()
                .getSession(true)
                .setAttribute(ISSUED + id, new Issued(issued.name(), issued.keyId(), issued.key()));
    }

    /** The key issued just before, once: it is removed from the session as it is shown. */
    private static Issued takeIssued(TenantExchange x, UUID id) {
        HttpSession session = x.request().getSession(false);
        if (session == null) {
            return null;
        }
        Object issued = session.getAttribute(ISSUED + id);
        session.removeAttribute(ISSUED + id);
        return issued instanceof Issued i ? i : null;
    }
}
