package de.kihub.services.evaluation;

import de.kihub.registry.error.HubException;
import de.kihub.services.classification.ClassifierSpec;
import de.kihub.services.classification.ClassifierSpecs;
import de.kihub.services.classification.Classifiers;
import de.kihub.services.counting.inference.Detectors;
import de.kihub.services.datasets.DatasetContent;
import de.kihub.services.datasets.DatasetContents;
import de.kihub.services.runtime.InferenceTimeoutException;
import de.kihub.services.runtime.SaturatedException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs queued evaluations on the container's managed executor, at most {@code
 * kihub.evaluation.parallel-jobs} at once (default 1: an evaluation shares the inference workers
 * with the deployments' live requests), the others waiting in order. A job writes its progress
 * every few items, stops between two items when it is cancelled or the hub stops, and waits and
 * retries while the inference runtime is saturated by live traffic.
 */
@ApplicationScoped
public class EvaluationRunner {
    static final int DEFAULT_PARALLEL_JOBS = 1;
    static final int MAX_PARALLEL_JOBS = 4;

    /** How long a job waits in total for a busy inference runtime before it gives up. */
    static final Duration BUSY_PATIENCE = Duration.ofMinutes(2);

    static final int PROGRESS_EVERY_ITEMS = 10;
    static final long PROGRESS_EVERY_MILLIS = 1000;

    private static final Logger LOG = Logger.getLogger(EvaluationRunner.class.getName());

    /** Thread-safe, so one for all jobs. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Resource ManagedExecutorService executor;

    @Inject EvaluationStore store;

    @Inject DatasetContents contents;

    @Inject Detectors detectors;

    @Inject ClassifierSpecs classifierSpecs;

    @Inject Classifiers classifiers;

    private final Deque<UUID> queue = new ArrayDeque<>();
    private final Set<UUID> cancelRequested = ConcurrentHashMap.newKeySet();
    private final Map<UUID, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private int parallelJobs = DEFAULT_PARALLEL_JOBS;
    private int workers;
    private volatile boolean stopping;

    @PostConstruct
    void configure() {
        int configured =
                ConfigProvider.getConfig()
                        .getOptionalValue("kihub.evaluation.parallel-jobs", Integer.class)
                        .orElse(DEFAULT_PARALLEL_JOBS);
        parallelJobs = Math.max(1, Math.min(MAX_PARALLEL_JOBS, configured));
    }

    /** Queues a job whose row is QUEUED; it starts when a place is free. */
    public synchronized void enqueue(UUID id) {
        queue.add(id);
        startWorkers();
    }

    /** Jobs waiting for a place in this runner. */
    public synchronized int queued() {
        return queue.size();
    }

    /** Asks a job to stop: a waiting one is dropped, a running one ends after its current item. */
    public void requestCancel(UUID id) {
        cancelRequested.add(id);
        synchronized (this) {
            queue.remove(id);
        }
    }

    /**
     * Waits until the job is no longer running here, at most {@code max}; true if it is not running
     * any more. Forgets the cancellation request of a job that is not running.
     */
    public boolean awaitEnd(UUID id, Duration max) {
        CompletableFuture<Void> end = running.get(id);
        try {
            if (end != null) {
                end.get(max.toMillis(), TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        } finally {
            if (!running.containsKey(id)) {
                cancelRequested.remove(id);
            }
        }
    }

    /**
     * When the application stops, before any of its beans is destroyed (the model pool among them):
     * running jobs stop after their current item and are recorded as interrupted, waiting jobs are
     * dropped (the next start marks them failed).
     */
    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stop();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (this) {
            queue.clear();
        }
        for (CompletableFuture<Void> end : running.values()) {
            try {
                end.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warning(
                        "An evaluation did not stop within 5 s; the next start marks it failed");
            }
        }
    }

    private synchronized void startWorkers() {
        while (workers < parallelJobs && !queue.isEmpty() && !stopping) {
            workers++;
            try {
                executor.execute(this::work);
            } catch (RejectedExecutionException e) {
                workers--;
                LOG.log(Level.WARNING, "The managed executor refused an evaluation worker", e);
                return;
            }
        }
    }

    private void work() {
        boolean retired = false;
        try {
            UUID id;
            while ((id = nextOrRetire()) != null) {
                run(id);
            }
            retired = true;
        } finally {
            if (!retired) {
                synchronized (this) {
                    workers--;
                }
            }
        }
    }

    /** The next job, or null after giving up this worker's place (atomically with the check). */
    private synchronized UUID nextOrRetire() {
        UUID id = stopping ? null : queue.poll();
        if (id == null) {
            workers--;
        }
        return id;
    }

    private void run(UUID id) {
        CompletableFuture<Void> end = new CompletableFuture<>();
        running.put(id, end);
        try {
            if (!cancelRequested.contains(id) && store.claim(id)) {
                execute(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Evaluation " + id + " could not be recorded", e);
        } finally {
            running.remove(id);
            cancelRequested.remove(id);
            end.complete(null);
        }
    }

    private void execute(UUID id) {
        long start = System.nanoTime();
        Counter done = new Counter();
        try {
            EvaluationEntity e = store.find(id);
            EvaluationMetrics metrics;
            try (DatasetContent content = contents.open(e.datasetId)) {
                store.opened(id, content.size(), content.dataset().sha256());
                metrics =
                        Tasks.classification(e.task)
                                ? classify(id, e, content, progress(id, done))
                                : count(id, e, content, progress(id, done));
            }
            store.succeeded(id, done.value, toJson(metrics), millisSince(start));
            LOG.info(
                    () ->
                            "Evaluation "
                                    + id
                                    + " succeeded: "
                                    + done.value
                                    + " items in "
                                    + millisSince(start)
                                    + " ms");
        } catch (EvaluationCancelledException c) {
            LOG.info(
                    "Evaluation "
                            + id
                            + (stopping ? " stopped with the application" : " cancelled")
                            + " after "
                            + done.value
                            + " items");
            if (stopping) {
                store.failed(id, done.value, EvaluationStore.INTERRUPTED, millisSince(start));
            } else {
                store.cancelled(id, done.value, millisSince(start));
            }
        } catch (RuntimeException e) {
            store.failed(id, done.value, failureReason(id, e), millisSince(start));
        }
    }

    private EvaluationMetrics count(
            UUID id, EvaluationEntity e, DatasetContent content, EvaluationProgress progress) {
        CountingEvaluationConfiguration config =
                CountingEvaluationConfiguration.parse(json(e.configuration));
        String sha = e.modelSha256;
        detectors.retain(sha);
        try {
            return new PeopleCountingEvaluation(
                            (image, s) -> patiently(id, () -> detectors.detect(sha, image, s)),
                            executor)
                    .run(content, config, progress);
        } finally {
            detectors.release(sha);
        }
    }

    private EvaluationMetrics classify(
            UUID id, EvaluationEntity e, DatasetContent content, EvaluationProgress progress) {
        ClassifierSpec spec =
                classifierSpecs.fromConfiguration(e.modelSha256, json(e.configuration));
        classifiers.retain(spec);
        try {
            return new ClassificationEvaluation(
                            image -> patiently(id, () -> classifiers.classify(spec, image)).label(),
                            spec.labels(),
                            executor)
                    .run(content, progress);
        } finally {
            classifiers.release(spec);
        }
    }

    /** Why a job failed, as its row says it: the domain's message, never internals. */
    private String failureReason(UUID id, RuntimeException e) {
        if (stopping) {
            // the application (and its model pool) is being shut down under the job
            return EvaluationStore.INTERRUPTED;
        }
        if (e instanceof HubException) {
            return e.getMessage();
        }
        if (e instanceof SaturatedException || e instanceof InferenceTimeoutException) {
            return "The inference runtime stayed busy with other requests for "
                    + BUSY_PATIENCE.toMinutes()
                    + " minutes; start the evaluation again later.";
        }
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Evaluation " + id + " failed, error id " + errorId, e);
        return "The hub could not finish the evaluation (error id "
                + errorId
                + "); an operator finds the cause in the server log.";
    }

    private EvaluationProgress progress(UUID id, Counter done) {
        return new EvaluationProgress() {
            private int written;
            private long writtenAt = System.nanoTime();

            @Override
            public void done(int items, int total) {
                done.value = items;
                long now = System.nanoTime();
                if (items - written >= PROGRESS_EVERY_ITEMS
                        || now - writtenAt >= PROGRESS_EVERY_MILLIS * 1_000_000) {
                    store.progress(id, items, total);
                    written = items;
                    writtenAt = now;
                }
            }

            @Override
            public boolean cancelRequested() {
                return cancelled(id);
            }
        };
    }

    private boolean cancelled(UUID id) {
        return stopping || cancelRequested.contains(id);
    }

    /** One inference; while live traffic saturates the runtime, waits and tries again. */
    private <T> T patiently(UUID id, Supplier<T> inference) {
        long deadline = System.nanoTime() + BUSY_PATIENCE.toNanos();
        long pause = 50;
        while (true) {
            try {
                return inference.get();
            } catch (SaturatedException | InferenceTimeoutException e) {
                if (System.nanoTime() > deadline || cancelled(id)) {
                    throw e;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new EvaluationCancelledException();
                }
                pause = Math.min(2000, pause * 2);
            }
        }
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static String toJson(EvaluationMetrics metrics) {
        return JSONB.toJson(metrics);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Items done, written by the job's thread and read when it ends. */
    private static final class Counter {
        int value;
    }
}
