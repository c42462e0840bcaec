package de.kihub.services.classification;

/**
 * A classifier's answer for one image.
 *
 * @param label the most probable class
 * @param index its position in the labels (and the model's scores)
 * @param probability its softmax probability (or the model's own, if it gives probabilities)
 */
public record Classification(String label, int index, double probability) {}
