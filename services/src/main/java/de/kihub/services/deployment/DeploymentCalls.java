package de.kihub.services.deployment;

import de.kihub.registry.error.ConflictException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.counting.live.CountingConfiguration;
import de.kihub.services.counting.live.PeopleCounting;
import de.kihub.services.runtime.InferenceTimeoutException;
import de.kihub.services.runtime.SaturatedException;
import de.kihub.services.runtime.TenantRateLimits;
import de.kihub.services.usage.Outcome;
import de.kihub.services.usage.UsageMeter;
import de.kihub.services.usage.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What cameras and people call on an ACTIVE deployment: predictions, counting sessions, stored
 * counts. Requests that run the model pass the tenant's rate limit and are metered.
 */
@ApplicationScoped
public class DeploymentCalls {
    @Inject DeploymentRuntime runtime;

    @Inject PeopleCounting counting;

    @Inject DeploymentStore store;

    @Inject UsageMeter usage;

    @Inject TenantRateLimits rateLimits;

    public CountingApi.Prediction predict(TenantId tenant, UUID id, byte[] image) {
        DeploymentRuntime.Running r = counting(tenant, id);
        return metered(r, () -> counting.predict(r.sha256(), r.counting(), image));
    }

    public CountingApi.SessionState startSession(TenantId tenant, UUID id, String createdBy) {
        DeploymentRuntime.Running r = counting(tenant, id);
        return counting.createSession(ref(r), r.counting(), createdBy);
    }

    public CountingApi.SessionState frame(
            TenantId tenant, UUID id, UUID session, byte[] image, Instant capturedAt) {
        DeploymentRuntime.Running r = counting(tenant, id);
        return metered(r, () -> counting.addFrame(ref(r), r.sha256(), session, image, capturedAt));
    }

    public CountingApi.SessionState session(TenantId tenant, UUID id, UUID session) {
        return counting.session(ref(counting(tenant, id)), session);
    }

    public CountingApi.SessionState endSession(TenantId tenant, UUID id, UUID session) {
        return counting.endSession(ref(counting(tenant, id)), session);
    }

    public List<CountingApi.Interval> intervals(TenantId tenant, UUID id, UUID session) {
        return counting.intervals(ref(counting(tenant, id)), session);
    }

    /**
     * Stored aggregates of a counting deployment in any state (a paused or retired deployment's
     * counts stay readable until their retention period ends). The caller has checked access.
     */
    public CountingApi.Counts counts(
            TenantId tenant, UUID id, Instant from, Instant to, Duration interval) {
        Deployment d = store.get(tenant, id);
        if (!TaskConfigurations.PEOPLE_COUNTING.equals(d.task())) {
            throw new ConflictException("Deployment '" + d.name() + "' does not count people.");
        }
        return counting.counts(
                new CountingApi.DeploymentRef(d.id(), tenant, d.model(), d.version()),
                CountingConfiguration.parse(d.configuration()),
                from,
                to,
                interval);
    }

    /** The deployment's metered use in [from, to). The caller has checked access. */
    public UsageReport usage(TenantId tenant, UUID id, Instant from, Instant to) {
        Deployment d = store.get(tenant, id);
        return usage.report(d.id(), from, to);
    }

    /**
     * The deployment's metered use in [from, to), regrouped into buckets of {@code interval} (a
     * whole multiple of the metering interval; null keeps the metering intervals). The caller has
     * checked access.
     */
    public UsageReport usage(
            TenantId tenant, UUID id, Instant from, Instant to, Duration interval) {
        Deployment d = store.get(tenant, id);
        return usage.report(d.id(), from, to, interval);
    }

    /** Runs a call on the model: within the tenant's rate limit, timed and counted. */
    private <T> T metered(DeploymentRuntime.Running r, Supplier<T> call) {
        long start = System.nanoTime();
        Outcome outcome = Outcome.ERROR;
        try {
            rateLimits.acquire(r.tenant());
            T result = call.get();
            outcome = Outcome.OK;
            return result;
        } catch (RuntimeException e) {
            outcome = outcome(e);
            throw e;
        } finally {
            usage.record(r.id(), r.tenant(), outcome, System.nanoTime() - start);
        }
    }

    /** Refused for load (429/503) is "rejected"; anything else that failed is an error. */
    static Outcome outcome(RuntimeException e) {
        return e instanceof SaturatedException || e instanceof InferenceTimeoutException
                ? Outcome.REJECTED
                : Outcome.ERROR;
    }

    private DeploymentRuntime.Running counting(TenantId tenant, UUID id) {
        DeploymentRuntime.Running r = runtime.running(tenant, id);
        if (r.counting() == null) {
            throw new ConflictException(
                    "Deployment '"
                            + r.name()
                            + "' runs a model of task '"
                            + r.task()
                            + "', which the hub documents but does not run itself.");
        }
        return r;
    }

    static CountingApi.DeploymentRef ref(DeploymentRuntime.Running r) {
        return new CountingApi.DeploymentRef(r.id(), r.tenant(), r.model(), r.version());
    }
}
