/**
 * The ONNX protobuf messages (ModelProto, GraphProto, ...), generated at build time by protoc from
 * {@code src/main/proto/onnx.proto}; the importer writes its ONNX files with them.
 */
package de.kihub.services.modelimport.onnx;
