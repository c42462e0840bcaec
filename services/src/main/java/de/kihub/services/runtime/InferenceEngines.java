package de.kihub.services.runtime;

import ai.djl.engine.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports the inference engines the hub relies on. Loading an engine loads its native library from
 * the server's {@code ai.djl} module (offline; nothing is downloaded).
 */
@ApplicationScoped
public class InferenceEngines {
    /** The engines the hub ships: ONNX Runtime for ONNX models, PyTorch for TorchScript. */
    public static final List<String> REQUIRED = List.of("OnnxRuntime", "PyTorch");

    private static final Logger LOG = Logger.getLogger(InferenceEngines.class.getName());

    public List<EngineStatus> status() {
        return REQUIRED.stream().map(InferenceEngines::probe).toList();
    }

    private static EngineStatus probe(String name) {
        try {
            Engine engine = Engine.getEngine(name);
            return new EngineStatus(name, true, engine.getVersion(), null);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.WARNING, "DJL engine " + name + " is not available", e);
            return new EngineStatus(
                    name, false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
