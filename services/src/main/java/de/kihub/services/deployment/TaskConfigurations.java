package de.kihub.services.deployment;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.counting.live.CountingConfiguration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Checks a deployment's configuration against its model's task and stores it normalised. */
final class TaskConfigurations {
    static final String PEOPLE_COUNTING = "people-counting";

    private TaskConfigurations() {}

    /** The configuration to store (JSON), or InvalidRequestException naming the problem. */
    static String normalize(String task, JsonObject configuration) {
        if (PEOPLE_COUNTING.equals(task)) {
            return CountingConfiguration.parse(configuration).normalized();
        }
        if (configuration != null && !configuration.isEmpty()) {
            throw new InvalidRequestException(
                    "The hub has no settings for models of task '"
                            + task
                            + "'; send no configuration.");
        }
        return "{}";
    }

    static JsonObject parse(String stored) {
        try (var reader = Json.createReader(new StringReader(stored))) {
            return reader.readObject();
        }
    }
}
