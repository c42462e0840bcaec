package de.kihub.services.counting.inference;

import java.util.List;

/**
 * A detector's raw outputs for one frame, in the order its decoder takes them, each as rows (one
 * per grid cell or detection; an output read as a whole is one row), and the frame's size.
 */
record RawOutputs(List<float[][]> outputs, int width, int height) {}
