package de.kihub.registry.artifact;

import java.io.IOException;
import java.io.InputStream;

/**
 * Recognises an ONNX {@code ModelProto}: a well-formed protobuf message from first to last byte,
 * with an IR version and a graph that has nodes or outputs. Checks structure, not semantics.
 */
final class OnnxCheck {
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_OUTPUT = 12;

    private OnnxCheck() {}

    /**
     * @param length the model's size in bytes, or {@link ProtoReader#UNTIL_END_OF_STREAM}
     */
    static void check(InputStream in, long length) throws IOException, MalformedException {
        ProtoReader model = new ProtoReader(in, length);
        boolean irVersion = false;
        boolean graph = false;
        while (model.next()) {
            switch (model.field()) {
                case MODEL_IR_VERSION -> {
                    model.expect(ProtoReader.VARINT, "ir_version");
                    if (model.varint() <= 0) {
                        throw new MalformedException("has an ir_version that is not positive");
                    }
                    irVersion = true;
                }
                case MODEL_GRAPH -> {
                    model.expect(ProtoReader.LENGTH_DELIMITED, "graph");
                    checkGraph(model.message());
                    graph = true;
                }
                default -> model.skipValue();
            }
        }
        if (!irVersion) {
            throw new MalformedException("has no ir_version (field 1)");
        }
        if (!graph) {
            throw new MalformedException("has no graph (field 7)");
        }
    }

    private static void checkGraph(ProtoReader graph) throws IOException, MalformedException {
        if (graph.isEmpty()) {
            throw new MalformedException("has an empty graph");
        }
        boolean nodeOrOutput = false;
        while (graph.next()) {
            if (graph.field() == GRAPH_NODE || graph.field() == GRAPH_OUTPUT) {
                graph.expect(ProtoReader.LENGTH_DELIMITED, "a graph node or output");
                nodeOrOutput = true;
            }
            graph.skipValue();
        }
        if (!nodeOrOutput) {
            throw new MalformedException("has a graph with neither nodes nor outputs");
        }
    }
}
