/**
 * Running the person detector with DJL's ONNX Runtime engine: preprocessing, the translator and a
 * bounded pool of predictors. DJL types stay inside this package.
 */
package de.kihub.services.counting.inference;
