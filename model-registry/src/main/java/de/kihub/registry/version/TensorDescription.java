package de.kihub.registry.version;

import java.util.List;

/** One input or output of a model: name, data type and shape (-1 for a dynamic dimension). */
public record TensorDescription(String name, String dataType, List<Long> shape) {}
