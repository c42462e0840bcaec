package de.kihub.services.inspection;

import java.util.List;

/**
 * What a successful load check found out: the engine that loaded the model and the model's inputs
 * and outputs (empty when the format carries no signature, as with TorchScript).
 */
public record ModelLoadReport(String engine, List<TensorSpec> inputs, List<TensorSpec> outputs) {
    public ModelLoadReport {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
