package de.kihub.services.evaluation;

import de.kihub.registry.access.Actor;
import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetRef;
import de.kihub.registry.dataset.Datasets;
import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Models;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.VersionReference;
import de.kihub.registry.version.VersionStatus;
import de.kihub.registry.version.Versions;
import de.kihub.services.classification.ClassifierConvention;
import de.kihub.services.classification.ClassifierSpec;
import de.kihub.services.classification.ClassifierSpecs;
import de.kihub.services.datasets.DatasetContent;
import de.kihub.services.datasets.DatasetContents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What people do with evaluations: start one (checked at once, run later by {@link
 * EvaluationRunner}), read it while it runs and after, list, cancel, share. Whoever may not see an
 * evaluation gets 404 for it, as if it did not exist.
 */
@ApplicationScoped
public class Evaluations {
    /** Queued and running jobs per tenant (and for the curators together). */
    static final int MAX_UNFINISHED = 10;

    static final int MAX_LIST = 200;

    /** How long a cancel request waits for a running job to stop after its current item. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

    @Inject EvaluationStore store;

    @Inject EvaluationRunner runner;

    @Inject Models models;

    @Inject Versions versions;

    @Inject Datasets datasets;

    @Inject DatasetContents contents;

    @Inject ClassifierSpecs classifierSpecs;

    /**
     * Checks the request and queues the job.
     *
     * @param hubVersion the hub's version, recorded with the result
     */
    public Evaluation start(Actor actor, EvaluationCreate create, String hubVersion) {
        if (create == null
                || blank(create.model())
                || blank(create.version())
                || blank(create.dataset())) {
            throw new InvalidRequestException(
                    "A JSON body with 'model' (owner/name), 'version' and 'dataset' (owner/name)"
                            + " is required; 'configuration' is optional.");
        }
        if (!EvaluationAccess.mayRun(actor)) {
            throw new ForbiddenException(
                    "Running an evaluation needs the role publisher, deployer or tenant-admin in a"
                            + " tenant, or curator.");
        }
        ModelRef ref = ModelRef.parse(create.model());
        VersionReference version = versions.reference(actor, ref, create.version());
        Model model = models.get(actor, ref);
        Dataset dataset = datasets.get(actor, DatasetRef.parse(create.dataset()));
        Tasks.requireEvaluable(version.task(), dataset.task(), dataset.format());
        if (version.artifact() == null) {
            throw new ConflictException(
                    "Version " + version.version() + " of " + ref + " has no model file yet.");
        }
        if (dataset.sha256() == null) {
            throw new ConflictException(
                    "Dataset " + dataset.dataset() + " has no content yet; upload it first.");
        }
        String configuration =
                Tasks.classification(version.task())
                        ? classifierConfiguration(actor, version, dataset, create.configuration())
                        : CountingEvaluationConfiguration.parse(create.configuration())
                                .normalized();
        String tenant = actor.tenant() == null ? null : actor.tenant().value();
        if (store.unfinished(tenant) >= MAX_UNFINISHED) {
            throw new ConflictException(
                    (tenant == null ? "The curators have " : "Tenant '" + tenant + "' has ")
                            + MAX_UNFINISHED
                            + " evaluations queued or running; wait for one to finish or cancel"
                            + " one.");
        }
        EvaluationEntity e = new EvaluationEntity();
        e.id = UUID.randomUUID();
        e.tenantId = tenant;
        e.modelId = version.modelId();
        e.versionId = version.versionId();
        e.datasetId = dataset.id();
        e.task = version.task();
        e.configuration = configuration;
        e.status = EvaluationStatus.QUEUED;
        e.modelSha256 = version.artifact().sha256();
        e.datasetSha256 = dataset.sha256();
        e.hubVersion = hubVersion == null ? "unknown" : hubVersion;
        e.createdBy = actor.user();
        e.createdAt = EvaluationStore.now();
        e.publicResult =
                model.visibility() == Visibility.PUBLIC
                        && VersionStatus.RELEASED.contains(version.status())
                        && dataset.visibility() == Visibility.PUBLIC;
        store.create(actor, e, ref + "@" + version.version(), dataset.dataset());
        runner.enqueue(e.id);
        return show(actor, e, version, dataset);
    }

    /**
     * The classifier the version describes, as stored with the job: it must be usable as an image
     * classifier and know every class of the dataset (422 otherwise). The caller sets nothing.
     */
    private String classifierConfiguration(
            Actor actor, VersionReference version, Dataset dataset, JsonObject requested) {
        if (requested != null && !requested.isEmpty()) {
            throw new InvalidRequestException(
                    "An image-classification evaluation takes no configuration: its labels and"
                            + " preprocessing come from the model version ("
                            + ClassifierConvention.LABELS_FILE
                            + ", "
                            + ClassifierConvention.PREPROCESSING_FILE
                            + "); leave 'configuration' out.");
        }
        ClassifierSpec spec = classifierSpecs.resolve(actor, version.model(), version.version());
        try (DatasetContent content = contents.open(dataset.id())) {
            ClassificationEvaluation.requireKnownClasses(
                    content.classes(),
                    spec.labels(),
                    dataset.dataset(),
                    version.model() + " " + version.version());
        }
        return spec.configuration().toString();
    }

    /** The evaluation if the actor may see it, else NotFoundException. */
    public Evaluation get(Actor actor, UUID id) {
        return show(actor, visible(actor, id));
    }

    /** The evaluations the actor may see, newest first, optionally of one model or dataset. */
    public List<Evaluation> list(
            Actor actor, String model, String dataset, String status, Integer limit) {
        UUID modelId = null;
        if (!blank(model)) {
            ModelRef ref = ModelRef.parse(model);
            List<ModelVersion> known = versions.list(actor, ref);
            if (known.isEmpty()) {
                return List.of();
            }
            modelId = versions.reference(actor, ref, known.get(0).version()).modelId();
        }
        UUID datasetId =
                blank(dataset) ? null : datasets.get(actor, DatasetRef.parse(dataset)).id();
        EvaluationStatus s = blank(status) ? null : status(status);
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_LIST) {
            throw new InvalidRequestException("'limit' must lie between 1 and " + MAX_LIST + ".");
        }
        Lookups lookups = new Lookups();
        return store.visible(actor, datasetId, modelId, null, s, n).stream()
                .map(
                        e ->
                                show(
                                        actor,
                                        e,
                                        lookups.version(e.versionId),
                                        lookups.dataset(e.datasetId)))
                .toList();
    }

    /**
     * Cancels a queued job at once, or a running one after its current item (waiting for that up to
     * 10 s); the running tenant's publishers, deployers and tenant-admins, the person who started
     * it, and curators may.
     */
    public Evaluation cancel(Actor actor, UUID id) {
        EvaluationEntity e = visible(actor, id);
        if (!(EvaluationAccess.mayOperate(actor, e.tenantId)
                || actor.isCurator()
                || e.createdBy.equals(actor.user()))) {
            throw new ForbiddenException(
                    "Only the tenant that runs an evaluation (publisher, deployer or tenant-admin)"
                            + " or a curator may cancel it.");
        }
        if (e.status.finished()) {
            throw new ConflictException(
                    "The evaluation has already ended (" + e.status + "); nothing to cancel.");
        }
        boolean endedNow = store.cancel(actor, id);
        runner.requestCancel(id);
        runner.awaitEnd(id, endedNow ? Duration.ZERO : CANCEL_WAIT);
        return get(actor, id);
    }

    /**
     * Shows (or stops showing) a tenant's result to everybody: the numbers, never the data. Only a
     * succeeded result whose model and dataset are each public or the tenant's own may be shared,
     * so that sharing does not reveal what others keep private.
     */
    public Evaluation share(Actor actor, UUID id, boolean shared) {
        EvaluationEntity e = visible(actor, id);
        if (!EvaluationAccess.mayOperate(actor, e.tenantId)) {
            throw new ForbiddenException(
                    "Only the tenant that ran an evaluation (publisher, deployer or tenant-admin)"
                            + " may share it.");
        }
        if (shared) {
            if (e.status != EvaluationStatus.SUCCEEDED) {
                throw new ConflictException(
                        "Only a SUCCEEDED evaluation can be shared; this one is " + e.status + ".");
            }
            VersionReference v = versions.reference(e.versionId);
            Model model = models.get(actor, v.model());
            if (!EvaluationAccess.mayNameInPublic(
                    e.tenantId,
                    v.model().owner(),
                    model.visibility(),
                    VersionStatus.RELEASED.contains(v.status()))) {
                throw new ConflictException(
                        "Model "
                                + v.model()
                                + " "
                                + v.version()
                                + " is neither a released public version nor your tenant's own;"
                                + " its results cannot be shared.");
            }
            Dataset d = datasets.get(e.datasetId);
            if (!EvaluationAccess.mayNameInPublic(
                    e.tenantId, TenantId.of(d.owner()), d.visibility(), true)) {
                throw new ConflictException(
                        "Dataset "
                                + d.dataset()
                                + " is neither public nor your tenant's own; results on it cannot"
                                + " be shared.");
            }
        }
        store.share(actor, id, shared);
        return get(actor, id);
    }

    /** At start-up: marks jobs that a restart interrupted as FAILED; returns how many. */
    public int failInterrupted() {
        return store.failInterrupted();
    }

    private EvaluationEntity visible(Actor actor, UUID id) {
        EvaluationEntity e = store.find(id);
        if (!EvaluationAccess.canSee(actor, e.tenantId, e.publicResult, e.shared)) {
            throw new NotFoundException("There is no evaluation " + id + ".");
        }
        return e;
    }

    private Evaluation show(Actor actor, EvaluationEntity e) {
        return show(actor, e, versions.reference(e.versionId), datasets.get(e.datasetId));
    }

    private static Evaluation show(
            Actor actor, EvaluationEntity e, VersionReference version, Dataset dataset) {
        return EvaluationMapper.toEvaluation(actor, e, version, dataset, Instant.now());
    }

    static EvaluationStatus status(String text) {
        try {
            return EvaluationStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    "Unknown status '"
                            + text
                            + "'; use one of "
                            + List.of(EvaluationStatus.values())
                            + ".");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Versions and datasets looked up once per request. */
    final class Lookups {
        private final Map<UUID, VersionReference> versionsById = new HashMap<>();
        private final Map<UUID, Dataset> datasetsById = new HashMap<>();

        VersionReference version(UUID id) {
            return versionsById.computeIfAbsent(id, versions::reference);
        }

        Dataset dataset(UUID id) {
            return datasetsById.computeIfAbsent(id, datasets::get);
        }
    }
}
