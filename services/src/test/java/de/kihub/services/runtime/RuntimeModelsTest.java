package de.kihub.services.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Detectors and classifiers share one pool: the configured bound on loaded models and their memory
 * holds for both kinds together, and the least recently used model of either kind makes room.
 */
class RuntimeModelsTest {
    static final long MIB = 1L << 20;

    final List<String> closed = new ArrayList<>();
    RuntimeModels models;

    /** A model of a kind that only says how big it is and records that it was closed. */
    record Fake(String kind, String key, long estimatedBytes, List<String> closed)
            implements LoadedModel {
        @Override
        public void close() {
            closed.add(kind + ":" + key);
        }
    }

    RuntimeModels models(int maxLoaded, long maxBytes) {
        models = new RuntimeModels(new RuntimeSettings(maxLoaded, maxBytes, 2, 1, 4, 1_000));
        models.register("detector", key -> new Fake("detector", key, 40 * MIB, closed));
        models.register("classifier", key -> new Fake("classifier", key, 40 * MIB, closed));
        return models;
    }

    @AfterEach
    void close() {
        if (models != null) {
            models.close();
        }
    }

    @Test
    void theBoundOnLoadedModelsHoldsForBothKindsTogether() {
        RuntimeModels m = models(1, 1024 * MIB);
        m.retain("detector", "sha-a");
        try (ModelPool.Lease<LoadedModel> lease = m.lease("classifier", "spec-b")) {
            assertInstanceOf(Fake.class, lease.model());
            assertEquals("classifier", ((Fake) lease.model()).kind());
        }
        PoolStats stats = m.stats();
        assertEquals(1, stats.loadedCount(), "one model in all, not one per kind");
        assertEquals(List.of("classifier:spec-b"), stats.loadedKeys());
        assertEquals(List.of("detector:sha-a"), closed, "the detector made room");
    }

    @Test
    void theMemoryBoundCountsBothKinds() {
        RuntimeModels m = models(10, 100 * MIB);
        m.retain("detector", "sha-a");
        m.retain("classifier", "spec-b");
        assertEquals(2, m.stats().loadedCount());
        // a third model of 40 MiB does not fit into 100 MiB beside the two others
        try (ModelPool.Lease<LoadedModel> lease = m.lease("detector", "sha-c")) {
            assertEquals("sha-c", ((Fake) lease.model()).key());
        }
        assertEquals(2, m.stats().loadedCount());
        assertTrue(m.stats().estimatedBytes() <= 100 * MIB, "within the bound");
        assertEquals(List.of("detector:sha-a"), closed, "the least recently used went");
    }

    @Test
    void keysOfTheKindsDoNotCollideAndUnknownKindsAreRefused() {
        RuntimeModels m = models(4, 1024 * MIB);
        m.retain("detector", "same");
        m.retain("classifier", "same");
        assertEquals(2, m.stats().loadedCount());
        assertTrue(m.release("detector", "same"));
        assertEquals(List.of("classifier:same"), m.stats().pinnedKeys());
        assertThrows(IllegalStateException.class, () -> m.retain("segmenter", "x"));
        assertThrows(IllegalArgumentException.class, () -> m.register("a:b", key -> null));
    }
}
