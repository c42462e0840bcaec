package de.kihub.services.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loader of fake models with chosen sizes, recording every load, so that the pool's decisions
 * (what it loads, keeps and closes) can be checked without an inference engine.
 */
final class FakeModels implements Function<String, FakeModels.Model> {
    private final Map<String, Long> sizes = new HashMap<>();
    private final List<Model> created = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile CountDownLatch gate;

    /** A model that knows whether it was closed. */
    static final class Model implements LoadedModel {
        final String key;
        private final long bytes;
        private final AtomicBoolean closed = new AtomicBoolean();

        Model(String key, long bytes) {
            this.key = key;
            this.bytes = bytes;
        }

        boolean closed() {
            return closed.get();
        }

        @Override
        public long estimatedBytes() {
            return bytes;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                throw new IllegalStateException(key + " was closed twice");
            }
        }
    }

    /** Models of this key have this size; keys never sized load with 10 bytes. */
    FakeModels size(String key, long bytes) {
        sizes.put(key, bytes);
        return this;
    }

    /** Keys starting with "broken" fail to load; others wait for {@code gate} if one is set. */
    @Override
    public Model apply(String key) {
        attempts.incrementAndGet();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                if (!g.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (key.startsWith("broken")) {
            throw new IllegalStateException("cannot load " + key);
        }
        Model m = new Model(key, sizes.getOrDefault(key, 10L));
        synchronized (created) {
            created.add(m);
        }
        return m;
    }

    /** Loads wait until the returned latch is counted down. */
    CountDownLatch closeGate() {
        gate = new CountDownLatch(1);
        return gate;
    }

    /** How often the pool called the loader, failed loads included. */
    int attempts() {
        return attempts.get();
    }

    /** Every model loaded so far for the key, oldest first. */
    List<Model> loaded(String key) {
        synchronized (created) {
            return created.stream().filter(m -> m.key.equals(key)).toList();
        }
    }

    /** The most recent model of the key. */
    Model last(String key) {
        List<Model> all = loaded(key);
        if (all.isEmpty()) {
            throw new AssertionError(key + " was never loaded");
        }
        return all.get(all.size() - 1);
    }
}
