/**
 * Running image classifiers: an ONNX model with DJL's ONNX Runtime engine, its class names and
 * preprocessing taken from the model version ({@code labels.txt}, optional {@code
 * preprocessing.json}, the recorded input and output signature), softmax and argmax on its scores,
 * loaded classifiers in a bounded model pool. DJL types stay inside this package.
 */
package de.kihub.services.classification;
