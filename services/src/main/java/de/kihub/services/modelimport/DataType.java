package de.kihub.services.modelimport;

/** The element types the importer carries through a graph, with their ONNX type codes. */
enum DataType {
    FLOAT(1, 4),
    INT32(6, 4),
    INT64(7, 8),
    BOOL(9, 1);

    private final int onnxCode;
    private final int byteSize;

    DataType(int onnxCode, int byteSize) {
        this.onnxCode = onnxCode;
        this.byteSize = byteSize;
    }

    /** The value of {@code TensorProto.DataType} for this type. */
    int onnxCode() {
        return onnxCode;
    }

    int byteSize() {
        return byteSize;
    }

    boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /** Maps a TensorFlow {@code DT_*} type name; null when the importer does not handle it. */
    static DataType fromTensorFlow(String name) {
        return switch (name) {
            case "DT_FLOAT" -> FLOAT;
            case "DT_INT32" -> INT32;
            case "DT_INT64" -> INT64;
            case "DT_BOOL" -> BOOL;
            default -> null;
        };
    }
}
