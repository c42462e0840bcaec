/**
 * Metric calculators of evaluations, plain Java without a container: counting errors, line
 * crossings, detection precision/recall/AP and classification accuracy/F1. Each takes items one by
 * one and gives a result record that is stored as JSON.
 */
package de.kihub.services.evaluation.metrics;
