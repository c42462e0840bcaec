package de.kihub.services.runtime;

import java.util.List;

/**
 * A snapshot of a {@link ModelPool} for metrics.
 *
 * @param loadedKeys the keys of the models in memory, least recently used first
 * @param pinnedKeys the keys that at least one deployment holds, loaded or not
 * @param loadedCount how many models are in memory
 * @param estimatedBytes their estimated memory together
 * @param loads successful loads since start
 * @param evictions models unloaded to make room for another
 * @param unloads models unloaded because their last deployment released them
 */
public record PoolStats(
        List<String> loadedKeys,
        List<String> pinnedKeys,
        int loadedCount,
        long estimatedBytes,
        long loads,
        long evictions,
        long unloads) {}
