package de.kihub.services.runtime;

/**
 * A model held in memory by the {@link ModelPool}. Its estimate lets the pool bound the memory of
 * all loaded models together; closing it frees the native memory behind it.
 */
public interface LoadedModel extends AutoCloseable {
    /** Bytes this model is expected to occupy while loaded (weights, engine buffers, workers). */
    long estimatedBytes();

    /** Frees the model; the pool calls it once, when no request holds the model any more. */
    @Override
    void close();
}
