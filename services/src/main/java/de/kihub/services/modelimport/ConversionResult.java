package de.kihub.services.modelimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A converted model.
 *
 * @param onnxModel the ONNX file's bytes (opset 13); the array is not copied, so do not modify it
 * @param nodeCount how many nodes the ONNX graph has
 * @param inputNames the graph inputs, named after the TF.js signature's inputs
 * @param outputNames the graph outputs, named after the TF.js signature's outputs (for example
 *     {@code Identity}, {@code Identity_1}, ...) in name order; read results by name
 */
public record ConversionResult(
        byte[] onnxModel, int nodeCount, List<String> inputNames, List<String> outputNames) {
    public ConversionResult {
        inputNames = List.copyOf(inputNames);
        outputNames = List.copyOf(outputNames);
    }

    /** Writes the ONNX file, replacing what is at the path. */
    public void writeTo(Path file) throws IOException {
        Files.write(file, onnxModel);
    }
}
