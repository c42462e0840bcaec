package de.kihub.services.counting.inference;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import de.kihub.services.inspection.TensorSpec;
import de.kihub.services.modelimport.onnx.TensorProto;
import de.kihub.services.modelimport.onnx.TensorShapeProto;
import de.kihub.services.modelimport.onnx.TypeProto;
import de.kihub.services.modelimport.onnx.ValueInfoProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The inputs and outputs an ONNX file declares. DJL's ONNX Runtime engine names a model's inputs
 * but neither their shapes nor its outputs, so the file is read here, streaming past the weights.
 *
 * @param inputs the graph inputs that are not initializers (older files list weights as inputs)
 * @param outputs the graph outputs
 */
record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {
    // field numbers in onnx.proto
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int TENSOR_NAME = 8;

    ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    static ModelSignature read(Path onnx) throws IOException {
        try (InputStream in = Files.newInputStream(onnx)) {
            CodedInputStream model = CodedInputStream.newInstance(in);
            model.setSizeLimit(Integer.MAX_VALUE);
            for (int tag = model.readTag(); tag != 0; tag = model.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH) {
                    int limit = model.pushLimit(model.readRawVarint32());
                    ModelSignature signature = graph(model);
                    model.popLimit(limit);
                    return signature;
                }
                model.skipField(tag);
            }
        }
        throw new IOException("The ONNX file has no graph");
    }

    private static ModelSignature graph(CodedInputStream graph) throws IOException {
        List<ValueInfoProto> inputs = new ArrayList<>();
        List<ValueInfoProto> outputs = new ArrayList<>();
        Set<String> initializers = new HashSet<>();
        for (int tag = graph.readTag(); tag != 0; tag = graph.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case GRAPH_INPUT -> inputs.add(ValueInfoProto.parseFrom(graph.readBytes()));
                case GRAPH_OUTPUT -> outputs.add(ValueInfoProto.parseFrom(graph.readBytes()));
                case GRAPH_INITIALIZER -> {
                    int limit = graph.pushLimit(graph.readRawVarint32());
                    initializers.add(tensorName(graph));
                    graph.popLimit(limit);
                }
                default -> graph.skipField(tag);
            }
        }
        return new ModelSignature(
                inputs.stream()
                        .filter(input -> !initializers.contains(input.getName()))
                        .map(ModelSignature::spec)
                        .toList(),
                outputs.stream().map(ModelSignature::spec).toList());
    }

    /** Reads an initializer's name and skips its values, which may be megabytes. */
    private static String tensorName(CodedInputStream tensor) throws IOException {
        String name = "";
        for (int tag = tensor.readTag(); tag != 0; tag = tensor.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == TENSOR_NAME) {
                name = tensor.readString();
            } else {
                tensor.skipField(tag);
            }
        }
        return name;
    }

    private static TensorSpec spec(ValueInfoProto value) {
        TypeProto type = value.getType();
        if (!type.hasTensorType()) {
            return new TensorSpec(value.getName(), "unknown", List.of());
        }
        TypeProto.Tensor tensor = type.getTensorType();
        List<Long> shape = new ArrayList<>();
        for (TensorShapeProto.Dimension dim : tensor.getShape().getDimList()) {
            shape.add(dim.hasDimValue() ? dim.getDimValue() : -1L);
        }
        TensorProto.DataType element = TensorProto.DataType.forNumber(tensor.getElemType());
        return new TensorSpec(value.getName(), dataType(element), shape);
    }

    /** DJL's names, as the upload inspection reports them: float32, int64, boolean, ... */
    private static String dataType(TensorProto.DataType element) {
        if (element == null) {
            return "unknown";
        }
        return switch (element) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case BOOL -> "boolean";
            default -> element.name().toLowerCase(Locale.ROOT);
        };
    }

    /** For messages: {@code input_1 float32 [1, 3, 416, 416] -> Identity float32 [...], ...}. */
    String describe() {
        return list(inputs) + " -> " + list(outputs);
    }

    private static String list(List<TensorSpec> tensors) {
        StringJoiner text = new StringJoiner(", ");
        tensors.forEach(t -> text.add(t.name() + " " + t.dataType() + " " + t.shape()));
        return tensors.isEmpty() ? "nothing" : text.toString();
    }
}
