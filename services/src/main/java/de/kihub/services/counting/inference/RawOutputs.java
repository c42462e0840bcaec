package de.kihub.services.counting.inference;

import java.util.List;

/** NanoDet's six raw outputs for one frame, with the frame's size. */
record RawOutputs(List<float[]> outputs, int width, int height) {}
