package de.kihub.services.deployment;

import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.version.VersionReference;
import de.kihub.services.counting.inference.Detectors;
import de.kihub.services.counting.live.CountingConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each ACTIVE deployment needs per request, in memory, so that a camera's request costs no
 * database read. A deployment pins its model in the shared pool while it is active; a change of
 * version loads the new model before the switch, so no request finds none.
 */
@ApplicationScoped
public class DeploymentRuntime {
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();

    @Inject Detectors detectors;

    @Inject DeploymentStore store;

    /**
     * An active deployment as a request sees it.
     *
     * @param sha256 the artifact that answers, null for tasks the hub does not run
     * @param counting the checked configuration of a people-counting deployment, else null
     */
    public record Running(
            UUID id,
            TenantId tenant,
            String name,
            String task,
            String model,
            String version,
            String sha256,
            CountingConfiguration counting) {}

    /** The active deployment of the tenant, loading its model after a restart. */
    public Running running(TenantId tenant, UUID id) {
        Running r = running.get(id);
        if (r == null) {
            r = startAfterRestart(tenant, id);
        }
        if (tenant == null || !r.tenant().equals(tenant)) {
            throw new NotFoundException("There is no deployment " + id + ".");
        }
        return r;
    }

    private synchronized Running startAfterRestart(TenantId tenant, UUID id) {
        Running r = running.get(id);
        if (r != null) {
            return r;
        }
        Deployment d = store.get(tenant, id);
        if (d.status() != DeploymentStatus.ACTIVE) {
            throw new ConflictException(
                    "Deployment '"
                            + d.name()
                            + "' is "
                            + d.status()
                            + "; it answers only while ACTIVE.");
        }
        r = prepare(d, store.currentVersion(tenant, id));
        running.put(id, r);
        return r;
    }

    /**
     * Loads and checks the model a deployment is about to run ({@code version}), before its state
     * changes; the caller either {@link #start}s or {@link #abandon}s the result.
     */
    Running prepare(Deployment d, VersionReference version) {
        String sha = null;
        CountingConfiguration counting = null;
        if (TaskConfigurations.PEOPLE_COUNTING.equals(d.task())) {
            sha = countingArtifact(version);
            counting = CountingConfiguration.parse(d.configuration());
            detectors.retain(sha);
        }
        return new Running(
                d.id(),
                TenantId.of(d.tenant()),
                d.name(),
                d.task(),
                version.model().toString(),
                version.version(),
                sha,
                counting);
    }

    /** Makes the prepared deployment answer; the model it ran before is let go. */
    void start(Running r) {
        Running before = running.put(r.id(), r);
        if (before != null) {
            release(before);
        }
    }

    void abandon(Running r) {
        release(r);
    }

    /** The deployment stops answering (paused or retired). */
    void stop(UUID id) {
        Running before = running.remove(id);
        if (before != null) {
            release(before);
        }
    }

    /** A changed configuration applies from the next request on, same model. */
    void reconfigure(Deployment d) {
        running.computeIfPresent(
                d.id(),
                (id, r) ->
                        new Running(
                                r.id(),
                                r.tenant(),
                                r.name(),
                                r.task(),
                                r.model(),
                                r.version(),
                                r.sha256(),
                                r.counting() == null
                                        ? null
                                        : CountingConfiguration.parse(d.configuration())));
    }

    public int activeCount() {
        return running.size();
    }

    private void release(Running r) {
        if (r.sha256() != null) {
            detectors.release(r.sha256());
        }
    }

    static String countingArtifact(VersionReference v) {
        if (v.artifact() == null || v.artifact().format() != ArtifactFormat.ONNX) {
            throw new ConflictException(
                    "Version "
                            + v.version()
                            + " of '"
                            + v.model()
                            + "' has no ONNX model to count people with.");
        }
        return v.artifact().sha256();
    }
}
