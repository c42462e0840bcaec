package de.kihub.services.modelimport;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import de.kihub.services.modelimport.onnx.AttributeProto;
import de.kihub.services.modelimport.onnx.GraphProto;
import de.kihub.services.modelimport.onnx.ModelProto;
import de.kihub.services.modelimport.onnx.NodeProto;
import de.kihub.services.modelimport.onnx.OperatorSetIdProto;
import de.kihub.services.modelimport.onnx.TensorProto;
import de.kihub.services.modelimport.onnx.TensorShapeProto;
import de.kihub.services.modelimport.onnx.TypeProto;
import de.kihub.services.modelimport.onnx.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/** Serialises an {@link OnnxGraph} as an ONNX model file (opset 13, IR version 8). */
final class OnnxWriter {
    static final int OPSET = 13;

    /** The IR version that came with opset 13's release line; every current runtime reads it. */
    static final long IR_VERSION = 8;

    static final String PRODUCER = "KI-Hub model import";

    private OnnxWriter() {}

    /** A protobuf message, and so an ONNX file without external data, stays below 2 GiB. */
    static final long MAX_BYTES = (2L << 30) - (64L << 20);

    static byte[] write(OnnxGraph graph, String graphName) {
        long weightBytes = 0;
        for (Tensor value : graph.initializers.values()) {
            weightBytes += (long) value.size() * value.type().byteSize();
        }
        if (weightBytes > MAX_BYTES) {
            throw new ModelImportException(
                    "The converted model's weights take "
                            + (weightBytes >> 20)
                            + " MiB, more than one ONNX file can hold.");
        }
        GraphProto.Builder g = GraphProto.newBuilder().setName(graphName);
        graph.inputs.forEach(input -> g.addInput(valueInfo(input)));
        graph.outputs.forEach(output -> g.addOutput(valueInfo(output)));
        graph.initializers.forEach((name, value) -> g.addInitializer(tensor(name, value)));
        for (OnnxNode node : graph.nodes) {
            NodeProto.Builder n =
                    NodeProto.newBuilder()
                            .setName(node.name())
                            .setOpType(node.opType())
                            .addAllInput(node.inputs())
                            .addAllOutput(node.outputs());
            for (Map.Entry<String, Object> attribute : node.attributes().entrySet()) {
                n.addAttribute(attribute(attribute.getKey(), attribute.getValue()));
            }
            g.addNode(n);
        }
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(PRODUCER)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(g)
                .build()
                .toByteArray();
    }

    private static ValueInfoProto valueInfo(GraphValue value) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        long[] dims = value.shape();
        for (int i = 0; i < dims.length; i++) {
            shape.addDim(
                    dims[i] >= 0
                            ? TensorShapeProto.Dimension.newBuilder().setDimValue(dims[i])
                            : TensorShapeProto.Dimension.newBuilder()
                                    .setDimParam(value.name() + "_dim" + i));
        }
        TypeProto.Tensor tensor =
                TypeProto.Tensor.newBuilder()
                        .setElemType(value.type().onnxCode())
                        .setShape(shape)
                        .build();
        return ValueInfoProto.newBuilder()
                .setName(value.name())
                .setType(TypeProto.newBuilder().setTensorType(tensor))
                .build();
    }

    private static TensorProto tensor(String name, Tensor value) {
        DataType type = value.type();
        ByteBuffer raw =
                ByteBuffer.allocate(value.size() * type.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case FLOAT -> raw.asFloatBuffer().put(value.floats());
            case INT64 -> raw.asLongBuffer().put(value.longs());
            case INT32 -> {
                for (long v : value.longs()) {
                    raw.putInt((int) v);
                }
            }
            case BOOL -> {
                for (long v : value.longs()) {
                    raw.put((byte) (v == 0 ? 0 : 1));
                }
            }
        }
        TensorProto.Builder tensor =
                TensorProto.newBuilder().setName(name).setDataType(type.onnxCode());
        for (long dim : value.shape()) {
            tensor.addDims(dim);
        }
        // the buffer is never touched again, so protobuf may keep it instead of copying weights
        return tensor.setRawData(UnsafeByteOperations.unsafeWrap(raw.array())).build();
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name);
        return switch (value) {
            case Long i -> attribute.setType(AttributeProto.AttributeType.INT).setI(i).build();
            case Float f -> attribute.setType(AttributeProto.AttributeType.FLOAT).setF(f).build();
            case String s ->
                    attribute
                            .setType(AttributeProto.AttributeType.STRING)
                            .setS(ByteString.copyFromUtf8(s))
                            .build();
            case long[] ints -> {
                attribute.setType(AttributeProto.AttributeType.INTS);
                for (long i : ints) {
                    attribute.addInts(i);
                }
                yield attribute.build();
            }
            case float[] floats -> {
                attribute.setType(AttributeProto.AttributeType.FLOATS);
                for (float f : floats) {
                    attribute.addFloats(f);
                }
                yield attribute.build();
            }
            default -> throw new IllegalArgumentException("unsupported attribute value " + value);
        };
    }
}
