package de.kihub.services.runtime;

/**
 * The inference runtime at a glance, for metrics and the system page: what the model pool holds,
 * its limits, and how many requests were turned away.
 *
 * @param pool loaded and pinned models, loads, evictions and unloads
 * @param maxLoadedModels the pool's bound on models in memory
 * @param maxModelBytes the pool's bound on their estimated memory
 * @param admissionPermits requests one model admits at once (running plus waiting)
 * @param saturated requests refused at once because no permit or no room was left (429)
 * @param timedOut admitted requests that found no free worker in time (503)
 */
public record RuntimeStats(
        PoolStats pool,
        int maxLoadedModels,
        long maxModelBytes,
        int admissionPermits,
        long saturated,
        long timedOut) {}
