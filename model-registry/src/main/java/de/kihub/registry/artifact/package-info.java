/**
 * Model artifacts: uploads streamed to a content-addressed store, and an inspector that recognises
 * ONNX, TorchScript and DJL model archives from their bytes and refuses unsafe ones before anything
 * loads them.
 */
package de.kihub.registry.artifact;
