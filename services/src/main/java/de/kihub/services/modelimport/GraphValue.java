package de.kihub.services.modelimport;

/** A graph input or output: its ONNX name, element type and shape (-1 for unknown dims). */
record GraphValue(String name, DataType type, long[] shape) {
    GraphValue {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
