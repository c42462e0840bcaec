package de.kihub.services.modelimport;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/** Runs converted models with ONNX Runtime's own Java API, as the hub's runtime does. */
final class OnnxRun implements AutoCloseable {
    /** One output: its shape and values (floats for float tensors, longs for int64). */
    record Output(long[] shape, float[] floats, long[] longs) {}

    private final OrtEnvironment env = environment();
    private final OrtSession session;

    OnnxRun(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            session = env.createSession(model, options);
        }
    }

    /**
     * The process's one ONNX Runtime environment. DJL's engine insists on creating it itself (with
     * its thread options) and fails if it exists already, so DJL goes first: then the people
     * counter's tests, which run DJL in the same test JVM, work whichever test class runs first.
     */
    private static OrtEnvironment environment() {
        Engine.getEngine("OnnxRuntime");
        return OrtEnvironment.getEnvironment();
    }

    /** Runs the model on one float input. */
    static Map<String, Output> floats(byte[] model, String input, float[] values, long... shape)
            throws OrtException {
        try (OnnxRun run = new OnnxRun(model)) {
            return run.run(input, values, shape);
        }
    }

    Map<String, Output> run(String input, float[] values, long... shape) throws OrtException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape)) {
            return run(Map.of(input, tensor));
        }
    }

    Map<String, Output> run(String input, long[] values, long... shape) throws OrtException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape)) {
            return run(Map.of(input, tensor));
        }
    }

    private Map<String, Output> run(Map<String, OnnxTensor> inputs) throws OrtException {
        Map<String, Output> outputs = new HashMap<>();
        try (OrtSession.Result result = session.run(inputs)) {
            for (Map.Entry<String, OnnxValue> entry : result) {
                OnnxTensor tensor = (OnnxTensor) entry.getValue();
                TensorInfo info = tensor.getInfo();
                float[] floats = null;
                long[] longs = null;
                if (info.type == OnnxJavaType.INT64) {
                    LongBuffer buffer = tensor.getLongBuffer();
                    longs = new long[buffer.remaining()];
                    buffer.get(longs);
                } else {
                    FloatBuffer buffer = tensor.getFloatBuffer();
                    floats = new float[buffer.remaining()];
                    buffer.get(floats);
                }
                outputs.put(entry.getKey(), new Output(info.getShape(), floats, longs));
            }
        }
        return outputs;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
