package de.kihub.services.deployment;

import jakarta.json.JsonObject;

/**
 * Request to deploy a model version for the tenant.
 *
 * @param name a slug, unique in the tenant (e.g. {@code arena-nord})
 * @param model {@code owner/name} of a model the tenant may see
 * @param version a PUBLISHED version of it
 * @param configuration checked against the model's task; may be omitted
 */
public record DeploymentCreate(
        String name, String model, String version, JsonObject configuration) {}
