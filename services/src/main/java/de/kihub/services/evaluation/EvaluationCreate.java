package de.kihub.services.evaluation;

import jakarta.json.JsonObject;

/**
 * Request to evaluate a model version on a dataset.
 *
 * @param model {@code owner/name} of a model the caller may see
 * @param version one of its versions with an artifact
 * @param dataset {@code owner/name} of a dataset the caller may see, with content
 * @param configuration the model's settings for the run (people counting: scoreThreshold,
 *     minBoxSize, regionOfInterest, lines); may be omitted, and must be for image classification
 *     (its settings come from the model version)
 */
public record EvaluationCreate(
        String model, String version, String dataset, JsonObject configuration) {}
