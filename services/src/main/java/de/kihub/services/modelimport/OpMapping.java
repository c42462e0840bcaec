package de.kihub.services.modelimport;

/** Turns one TF node into ONNX nodes and declares the node's outputs in the conversion. */
@FunctionalInterface
interface OpMapping {
    void map(TfNode node, Conversion conversion);
}
