package de.kihub.services.inspection;

import java.util.List;

/**
 * One input or output of a model: its name, element type (for example {@code float32}) and shape,
 * where -1 marks a dimension that is only known at inference time.
 */
public record TensorSpec(String name, String dataType, List<Long> shape) {
    public TensorSpec {
        shape = List.copyOf(shape);
    }
}
