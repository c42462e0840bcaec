/**
 * Converts TensorFlow.js graph models (model.json plus weight files) into plain ONNX files that the
 * hub runs with ONNX Runtime; the conversion is pure Java and needs no TensorFlow.
 */
package de.kihub.services.modelimport;
