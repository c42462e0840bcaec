package de.kihub.services.runtime;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one {@link ModelPool} of the hub: person detectors and image classifiers share its bound on
 * loaded models and their estimated memory ({@code kihub.runtime.max-loaded-models}, {@code
 * kihub.runtime.max-model-memory-mb}), so that the configured bound holds for all of them together
 * and the least recently used model of either kind makes room. Each kind registers its loader under
 * a name; a pool key is the kind's name, a colon and the kind's own key.
 */
@ApplicationScoped
public class RuntimeModels {
    private final Map<String, Function<String, ? extends LoadedModel>> loaders =
            new ConcurrentHashMap<>();
    private volatile ModelPool<LoadedModel> pool;
    private volatile RuntimeSettings settings;

    /** For CDI; the settings are read at first use. */
    public RuntimeModels() {}

    /** With the given settings (tests, and kinds used without CDI). */
    public RuntimeModels(RuntimeSettings settings) {
        configure(settings);
    }

    private synchronized ModelPool<LoadedModel> pool() {
        if (pool == null) {
            configure(RuntimeSettings.from(ConfigProvider.getConfig()));
        }
        return pool;
    }

    private synchronized void configure(RuntimeSettings settings) {
        this.settings = settings;
        this.pool =
                new ModelPool<>(this::load, settings.maxLoadedModels(), settings.maxModelBytes());
    }

    /** The limits the pool was made with (read from the configuration at first use). */
    public RuntimeSettings settings() {
        pool();
        return settings;
    }

    /** Makes a kind of model loadable: {@code loader} loads the model of one of its keys. */
    public void register(String kind, Function<String, ? extends LoadedModel> loader) {
        if (kind.contains(":")) {
            throw new IllegalArgumentException("A kind of model has no colon: " + kind);
        }
        loaders.put(kind, loader);
    }

    /** {@link ModelPool#retain} for the kind's key. */
    public void retain(String kind, String key) {
        pool().retain(key(kind, key));
    }

    /** {@link ModelPool#release} for the kind's key. */
    public boolean release(String kind, String key) {
        return pool().release(key(kind, key));
    }

    /**
     * {@link ModelPool#lease} for the kind's key; the model is of the type the kind's loader makes.
     */
    public ModelPool.Lease<LoadedModel> lease(String kind, String key) {
        return pool().lease(key(kind, key));
    }

    /** All loaded models, of every kind. */
    public PoolStats stats() {
        return pool().stats();
    }

    /** Unloads every model (at shutdown). */
    @PreDestroy
    public void close() {
        ModelPool<LoadedModel> p = pool;
        if (p != null) {
            p.close();
        }
    }

    private LoadedModel load(String poolKey) {
        int colon = poolKey.indexOf(':');
        Function<String, ? extends LoadedModel> loader = loaders.get(poolKey.substring(0, colon));
        if (loader == null) {
            throw new IllegalStateException("No loader for models of " + poolKey);
        }
        return loader.apply(poolKey.substring(colon + 1));
    }

    private static String key(String kind, String key) {
        return kind + ":" + key;
    }
}
