package de.kihub.services.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loaded models by key (an artifact's sha256), shared by every deployment of the same artifact and
 * bounded in count and estimated memory.
 *
 * <p>Deployments pin a model with {@link #retain} and unpin it with {@link #release}; the last
 * release unloads it as soon as no request holds it. Requests hold a model through a {@link Lease},
 * which loads it on demand (a pinned model may have been evicted; a model nobody pinned is kept as
 * a cache). When a new model does not fit, the least recently used models that no request holds are
 * evicted, pinned or not; if that cannot make room, the load fails with {@link SaturatedException}.
 * The bound is checked once the model is loaded, because only then is its estimate known: while a
 * load runs, memory may exceed the bound by that one model.
 *
 * <p>All bookkeeping happens under the pool's monitor; loading and closing models happen outside
 * it, so a slow load blocks only the requests for that same key, which wait for it instead of
 * loading it a second time.
 */
public final class ModelPool<M extends LoadedModel> implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ModelPool.class.getName());

    private final Function<String, M> loader;
    private final int maxLoaded;
    private final long maxBytes;

    private final Map<String, Entry<M>> loaded = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> loading = new HashMap<>();
    private final Map<String, Integer> pins = new HashMap<>();
    private long clock;
    private long bytes;
    private long loads;
    private long evictions;
    private long unloads;

    /**
     * @param loader loads the model for a key; it throws an unchecked exception saying what failed
     * @param maxLoaded at most this many models are in memory at once
     * @param maxBytes at most this many estimated bytes are in memory at once
     */
    public ModelPool(Function<String, M> loader, int maxLoaded, long maxBytes) {
        if (maxLoaded < 1 || maxBytes < 1) {
            throw new IllegalArgumentException(
                    "A model pool needs room for at least one model, got "
                            + maxLoaded
                            + " models and "
                            + maxBytes
                            + " bytes");
        }
        this.loader = Objects.requireNonNull(loader, "loader");
        this.maxLoaded = maxLoaded;
        this.maxBytes = maxBytes;
    }

    /**
     * Loads the model now if it is not in memory and pins it for one more deployment. A load
     * failure propagates and pins nothing.
     */
    public void retain(String key) {
        try (Lease<M> lease = lease(key)) {
            synchronized (this) {
                pins.merge(key, 1, Integer::sum);
                lease.entry.dropWhenIdle = false;
            }
        }
    }

    /**
     * Unpins the model for one deployment. Without pins left it is unloaded at once, or when the
     * last request holding it finishes.
     *
     * @return {@code false} if the key was not pinned (nothing changed)
     */
    public boolean release(String key) {
        M unloaded = null;
        synchronized (this) {
            Integer n = pins.get(key);
            if (n == null) {
                return false;
            }
            if (n > 1) {
                pins.put(key, n - 1);
                return true;
            }
            pins.remove(key);
            Entry<M> e = loaded.get(key);
            if (e != null) {
                if (e.leases == 0) {
                    unloaded = remove(e);
                    unloads++;
                } else {
                    e.dropWhenIdle = true;
                }
            }
        }
        closeQuietly(key, unloaded);
        return true;
    }

    /**
     * The model for one request, loaded if needed; close the lease when the request is done. Counts
     * as use for the least-recently-used order.
     *
     * @throws SaturatedException if the model is not loaded and no room can be made for it
     */
    public Lease<M> lease(String key) {
        Objects.requireNonNull(key, "key");
        while (true) {
            CompletableFuture<Void> pending;
            boolean mine = false;
            synchronized (this) {
                Entry<M> e = loaded.get(key);
                if (e != null) {
                    return leaseOf(e);
                }
                pending = loading.get(key);
                if (pending == null) {
                    pending = new CompletableFuture<>();
                    loading.put(key, pending);
                    mine = true;
                }
            }
            if (mine) {
                return load(key, pending);
            }
            // another request loads this key: wait for it, then take the loaded entry (or load
            // again if it was evicted in between, which the loop covers)
            awaitLoad(key, pending);
        }
    }

    public synchronized PoolStats stats() {
        List<String> keys =
                loaded.values().stream()
                        .sorted(Comparator.comparingLong(e -> e.lastUsed))
                        .map(e -> e.key)
                        .toList();
        return new PoolStats(
                keys,
                pins.keySet().stream().sorted().toList(),
                loaded.size(),
                bytes,
                loads,
                evictions,
                unloads);
    }

    /** Closes every loaded model; for shutdown, when no request runs any more. */
    @Override
    public void close() {
        List<Entry<M>> all;
        synchronized (this) {
            all = new ArrayList<>(loaded.values());
            loaded.clear();
            pins.clear();
            bytes = 0;
        }
        all.forEach(e -> closeQuietly(e.key, e.model));
    }

    private Lease<M> load(String key, CompletableFuture<Void> pending) {
        M model;
        try {
            model = Objects.requireNonNull(loader.apply(key), "the loader returned no model");
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                loading.remove(key);
            }
            pending.completeExceptionally(e);
            throw e;
        }
        List<Entry<M>> evicted;
        Lease<M> lease;
        try {
            synchronized (this) {
                loading.remove(key);
                Entry<M> e = new Entry<>(key, model);
                evicted = makeRoom(key, e.bytes);
                loaded.put(key, e);
                bytes += e.bytes;
                loads++;
                lease = leaseOf(e);
            }
        } catch (RuntimeException e) {
            closeQuietly(key, model);
            pending.completeExceptionally(e);
            throw e;
        }
        pending.complete(null);
        evicted.forEach(e -> closeQuietly(e.key, e.model));
        return lease;
    }

    /**
     * Chooses and removes the least recently used idle models until one of {@code need} bytes fits,
     * or removes none and throws if even evicting every idle model would not make room.
     */
    private List<Entry<M>> makeRoom(String key, long need) {
        if (need > maxBytes) {
            throw new ModelNotUsableException(
                    key,
                    "it needs an estimated "
                            + megabytes(need)
                            + " MB, more than the runtime's whole model memory of "
                            + megabytes(maxBytes)
                            + " MB.");
        }
        List<Entry<M>> idle =
                loaded.values().stream()
                        .filter(e -> e.leases == 0)
                        .sorted(Comparator.comparingLong(e -> e.lastUsed))
                        .toList();
        List<Entry<M>> victims = new ArrayList<>();
        int count = loaded.size();
        long used = bytes;
        for (Entry<M> candidate : idle) {
            if (count < maxLoaded && used + need <= maxBytes) {
                break;
            }
            victims.add(candidate);
            count--;
            used -= candidate.bytes;
        }
        if (count >= maxLoaded || used + need > maxBytes) {
            throw new SaturatedException(
                    "All "
                            + loaded.size()
                            + " loaded models are serving requests, so model "
                            + key
                            + " cannot be loaded now; retry shortly.");
        }
        for (Entry<M> victim : victims) {
            remove(victim);
            evictions++;
        }
        return victims;
    }

    private M remove(Entry<M> e) {
        loaded.remove(e.key);
        bytes -= e.bytes;
        return e.model;
    }

    private Lease<M> leaseOf(Entry<M> e) {
        e.leases++;
        e.lastUsed = ++clock;
        return new Lease<>(this, e);
    }

    private void returned(Entry<M> e) {
        M unloaded = null;
        synchronized (this) {
            e.leases--;
            if (e.leases == 0
                    && e.dropWhenIdle
                    && !pins.containsKey(e.key)
                    && loaded.get(e.key) == e) {
                unloaded = remove(e);
                unloads++;
            }
        }
        closeQuietly(e.key, unloaded);
    }

    private static void awaitLoad(String key, CompletableFuture<Void> pending) {
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while model " + key + " was loading", e);
        } catch (ExecutionException e) {
            // the loading request's own failure, so that every waiter learns what failed
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("Model " + key + " failed to load", e.getCause());
        }
    }

    private static void closeQuietly(String key, LoadedModel model) {
        if (model == null) {
            return;
        }
        try {
            model.close();
        } catch (RuntimeException e) {
            // the model is out of the pool either way; a failed close leaks at most its memory
            LOG.log(Level.WARNING, "Closing model " + key + " failed", e);
        }
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** One loaded model and its bookkeeping; guarded by the pool's monitor. */
    private static final class Entry<M extends LoadedModel> {
        final String key;
        final M model;
        final long bytes;
        int leases;
        long lastUsed;

        /** Set when the last pin went while requests held the model: unload it after them. */
        boolean dropWhenIdle;

        Entry(String key, M model) {
            this.key = key;
            this.model = model;
            this.bytes = Math.max(0, model.estimatedBytes());
        }
    }

    /** A model held for one request; closing it (once) gives the model back to the pool. */
    public static final class Lease<M extends LoadedModel> implements AutoCloseable {
        private final ModelPool<M> pool;
        private final Entry<M> entry;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(ModelPool<M> pool, Entry<M> entry) {
            this.pool = pool;
            this.entry = entry;
        }

        public M model() {
            if (closed.get()) {
                throw new IllegalStateException("The lease on model " + entry.key + " is closed");
            }
            return entry.model;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                pool.returned(entry);
            }
        }
    }
}
