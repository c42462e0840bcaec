package de.kihub.registry.artifact;

/** The kinds of model file the hub accepts, as recognised from the bytes by the inspector. */
public enum ArtifactFormat {
    /** A single ONNX {@code ModelProto}. */
    ONNX,
    /** A TorchScript zip as written by {@code torch.jit.save}. */
    TORCHSCRIPT,
    /** A zip holding an ONNX or TorchScript model plus DJL's side files (serving.properties, …). */
    DJL_ARCHIVE
}
