package de.kihub.services.deployment;

import de.kihub.services.counting.inference.Detectors;
import de.kihub.services.metrics.MetricsSource;
import de.kihub.services.metrics.PrometheusText;
import de.kihub.services.runtime.RuntimeStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The inference runtime in the server metrics: loaded models, memory estimate, refusals. */
@ApplicationScoped
public class RuntimeMetrics implements MetricsSource {
    @Inject Detectors detectors;

    @Inject DeploymentRuntime runtime;

    @Override
    public void writePrometheus(PrometheusText out) {
        RuntimeStats s = detectors.stats();
        out.gauge(
                "kihub_runtime_loaded_models",
                "Models loaded in the inference runtime.",
                Map.of(),
                s.pool().loadedCount());
        out.gauge(
                "kihub_runtime_loaded_models_max",
                "Bound on loaded models (kihub.runtime.max-loaded-models).",
                Map.of(),
                s.maxLoadedModels());
        out.gauge(
                "kihub_runtime_model_memory_estimate_bytes",
                "Estimated native memory of the loaded models.",
                Map.of(),
                s.pool().estimatedBytes());
        out.counter(
                "kihub_runtime_model_loads_total",
                "Model loads since start.",
                Map.of(),
                s.pool().loads());
        out.counter(
                "kihub_runtime_model_evictions_total",
                "Models unloaded by the least-recently-used bound.",
                Map.of(),
                s.pool().evictions());
        out.counter(
                "kihub_runtime_saturated_total",
                "Requests refused with 429 because workers and waiting line were full.",
                Map.of(),
                s.saturated());
        out.counter(
                "kihub_runtime_timed_out_total",
                "Requests that waited longer than the request timeout (503).",
                Map.of(),
                s.timedOut());
        out.gauge(
                "kihub_deployments_running",
                "ACTIVE deployments with their model in memory.",
                Map.of(),
                runtime.activeCount());
    }
}
