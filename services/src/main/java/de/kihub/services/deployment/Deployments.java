package de.kihub.services.deployment;

import de.kihub.registry.access.Actor;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.version.VersionReference;
import de.kihub.registry.version.VersionStatus;
import de.kihub.registry.version.Versions;
import de.kihub.services.counting.live.PeopleCounting;
import de.kihub.services.credentials.MachineCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * What a tenant does with its deployments. State changes that start or switch a model load and
 * check it first and change the row only when it works; the row's transaction and its audit event
 * live in {@link DeploymentStore}.
 */
@ApplicationScoped
public class Deployments {
    @Inject DeploymentStore store;

    @Inject DeploymentRuntime runtime;

    @Inject Versions versions;

    @Inject PeopleCounting counting;

    @Inject MachineCredentials credentials;

    public Deployment create(Actor actor, TenantId tenant, DeploymentCreate create) {
        if (create == null) {
            throw new InvalidRequestException(
                    "A JSON body with 'name', 'model' and 'version' is required.");
        }
        DeploymentStore.requireRole(actor, tenant, DeploymentStore.OPERATORS);
        VersionReference v = deployable(actor, model(create.model()), create.version());
        if (TaskConfigurations.PEOPLE_COUNTING.equals(v.task())) {
            DeploymentRuntime.countingArtifact(v);
        }
        return store.create(actor, tenant, create, v);
    }

    /** Throws unless the actor may operate the deployment (deployer or tenant-admin; 404/403). */
    public void requireOperable(Actor actor, TenantId tenant, UUID id) {
        store.requireOperable(actor, tenant, id);
    }

    /** Throws unless the actor is one of the tenant's people (who may call its deployments). */
    public void requireUse(Actor actor, TenantId tenant) {
        DeploymentStore.requireRole(actor, tenant, DeploymentStore.PEOPLE);
    }

    public List<Deployment> list(Actor actor, TenantId tenant) {
        return store.list(actor, tenant);
    }

    public Deployment get(Actor actor, TenantId tenant, UUID id) {
        return store.get(actor, tenant, id);
    }

    public Deployment configure(Actor actor, TenantId tenant, UUID id, JsonObject configuration) {
        Deployment d = store.configure(actor, tenant, id, configuration);
        runtime.reconfigure(d);
        return d;
    }

    /** Loads and checks the model, then marks the deployment ACTIVE. */
    public Deployment activate(Actor actor, TenantId tenant, UUID id) {
        Deployment d = store.requireOperable(actor, tenant, id);
        if (d.status() == DeploymentStatus.ACTIVE) {
            throw new ConflictException("The deployment is already ACTIVE.");
        }
        store.requireActivatable(tenant, id);
        d.status().activate();
        DeploymentRuntime.Running prepared = runtime.prepare(d, store.currentVersion(tenant, id));
        try {
            Deployment active = store.activate(actor, tenant, id);
            runtime.start(prepared);
            return active;
        } catch (RuntimeException e) {
            runtime.abandon(prepared);
            throw e;
        }
    }

    public Deployment pause(Actor actor, TenantId tenant, UUID id) {
        Deployment d = store.pause(actor, tenant, id);
        runtime.stop(id);
        counting.endSessions(id);
        return d;
    }

    public Deployment retire(Actor actor, TenantId tenant, UUID id) {
        Deployment d = store.retire(actor, tenant, id);
        runtime.stop(id);
        counting.endSessions(id);
        credentials.revokeAll(id, actor.user());
        return d;
    }

    /** Switches to another PUBLISHED version of the same model, keeping the configuration. */
    public Deployment upgrade(Actor actor, TenantId tenant, UUID id, String version) {
        Deployment d = store.requireOperable(actor, tenant, id);
        VersionReference target = deployable(actor, ModelRef.parse(d.model()), version);
        return change(actor, tenant, d, target, "upgrade");
    }

    /** Returns to the version the deployment ran before its last change. */
    public Deployment rollback(Actor actor, TenantId tenant, UUID id) {
        Deployment d = store.requireOperable(actor, tenant, id);
        VersionReference target = store.previousVersion(actor, tenant, id);
        if (!VersionStatus.RELEASED.contains(target.status())
                || target.status() == VersionStatus.ARCHIVED) {
            throw new ConflictException(
                    "Version " + target.version() + " is " + target.status() + "; it cannot run.");
        }
        return change(actor, tenant, d, target, "rollback");
    }

    private Deployment change(
            Actor actor, TenantId tenant, Deployment d, VersionReference target, String action) {
        if (d.status() != DeploymentStatus.ACTIVE) {
            return store.changeVersion(actor, tenant, d.id(), target, action);
        }
        DeploymentRuntime.Running prepared = runtime.prepare(d, target);
        try {
            Deployment changed = store.changeVersion(actor, tenant, d.id(), target, action);
            runtime.start(prepared);
            return changed;
        } catch (RuntimeException e) {
            runtime.abandon(prepared);
            throw e;
        }
    }

    /** A PUBLISHED version the actor may see. */
    private VersionReference deployable(Actor actor, ModelRef model, String version) {
        if (version == null || version.isBlank()) {
            throw new InvalidRequestException("'version' is required.");
        }
        VersionReference v = versions.reference(actor, model, version);
        if (v.status() != VersionStatus.PUBLISHED) {
            throw new ConflictException(
                    "Version "
                            + v.version()
                            + " of '"
                            + model
                            + "' is "
                            + v.status()
                            + "; only a PUBLISHED version can be deployed.");
        }
        return v;
    }

    private static ModelRef model(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("'model' is required, as owner/name.");
        }
        return ModelRef.parse(text);
    }
}
