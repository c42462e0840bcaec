package de.kihub.services.runtime;

import org.eclipse.microprofile.config.Config;

/**
 * How much the inference runtime may hold and run at once, read once from MicroProfile Config (so
 * also from environment variables such as {@code KIHUB_RUNTIME_MAX_LOADED_MODELS}).
 *
 * @param maxLoadedModels {@code kihub.runtime.max-loaded-models}: models in memory at once
 * @param maxModelBytes {@code kihub.runtime.max-model-memory-mb}, in bytes: estimated memory of all
 *     loaded models together
 * @param workers {@code kihub.counting.workers}: requests one model runs at once (one predictor
 *     each)
 * @param threadsPerRequest {@code kihub.counting.threads}: ONNX Runtime intra-op threads per
 *     request
 * @param queuePerWorker {@code kihub.runtime.queue-per-worker}: requests that may wait per worker
 * @param requestTimeoutMillis {@code kihub.runtime.request-timeout-ms}: how long an admitted
 *     request waits for a free worker
 */
public record RuntimeSettings(
        int maxLoadedModels,
        long maxModelBytes,
        int workers,
        int threadsPerRequest,
        int queuePerWorker,
        long requestTimeoutMillis) {
    private static final long MEGABYTE = 1L << 20;

    public RuntimeSettings {
        require(maxLoadedModels >= 1, "kihub.runtime.max-loaded-models", "at least 1");
        require(maxModelBytes >= 1, "kihub.runtime.max-model-memory-mb", "at least 1");
        require(workers >= 1, "kihub.counting.workers", "at least 1");
        require(threadsPerRequest >= 1, "kihub.counting.threads", "at least 1");
        require(queuePerWorker >= 0, "kihub.runtime.queue-per-worker", "0 or more");
        require(requestTimeoutMillis >= 1, "kihub.runtime.request-timeout-ms", "at least 1");
    }

    /** 4 models, 2048 MB, 2 workers of 1 thread, 4 waiting per worker, 10 s timeout. */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(4, 2048 * MEGABYTE, 2, 1, 4, 10_000);
    }

    /** The settings from configuration, each falling back to {@link #defaults()}. */
    public static RuntimeSettings from(Config config) {
        RuntimeSettings d = defaults();
        return new RuntimeSettings(
                value(config, "kihub.runtime.max-loaded-models", d.maxLoadedModels()),
                value(config, "kihub.runtime.max-model-memory-mb", d.maxModelBytes() / MEGABYTE)
                        * MEGABYTE,
                value(config, "kihub.counting.workers", d.workers()),
                value(config, "kihub.counting.threads", d.threadsPerRequest()),
                value(config, "kihub.runtime.queue-per-worker", d.queuePerWorker()),
                value(config, "kihub.runtime.request-timeout-ms", d.requestTimeoutMillis()));
    }

    /** Same limits with another worker set-up; for tests and benchmarks. */
    public RuntimeSettings withWorkers(int workers, int threadsPerRequest, int queuePerWorker) {
        return new RuntimeSettings(
                maxLoadedModels,
                maxModelBytes,
                workers,
                threadsPerRequest,
                queuePerWorker,
                requestTimeoutMillis);
    }

    /** Same settings with another request timeout. */
    public RuntimeSettings withRequestTimeout(long millis) {
        return new RuntimeSettings(
                maxLoadedModels, maxModelBytes, workers, threadsPerRequest, queuePerWorker, millis);
    }

    /** Requests one model admits at once: one running per worker plus the waiting ones. */
    public int admissionPermits() {
        return workers * (1 + queuePerWorker);
    }

    private static int value(Config config, String key, int fallback) {
        return config.getOptionalValue(key, Integer.class).orElse(fallback);
    }

    private static long value(Config config, String key, long fallback) {
        return config.getOptionalValue(key, Long.class).orElse(fallback);
    }

    private static void require(boolean valid, String key, String what) {
        if (!valid) {
            throw new IllegalArgumentException(key + " must be " + what);
        }
    }
}
