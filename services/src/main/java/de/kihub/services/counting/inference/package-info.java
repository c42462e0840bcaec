/**
 * Running a person detector (NanoDet-m or CenterNet, told apart by the ONNX signature) with DJL's
 * ONNX Runtime engine: preprocessing, the translators, one predictor per worker behind admission
 * and a timeout, and the detectors of deployments in the runtime's bounded model pool. DJL types
 * stay inside this package.
 */
package de.kihub.services.counting.inference;
