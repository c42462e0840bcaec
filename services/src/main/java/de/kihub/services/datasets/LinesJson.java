package de.kihub.services.datasets;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.counting.live.CountingConfiguration;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A MOT dataset's counting lines, {@code {"lines": [{"name": "x400", "from": [400, 0], "to": [400,
 * 576]}]}}, checked by the rules of a counting deployment's lines so that the two always agree.
 */
final class LinesJson {
    static final String EXAMPLE =
            "{\"lines\": [{\"name\": \"x400\", \"from\": [400, 0], \"to\": [400, 576]}]}";

    private LinesJson() {}

    static List<CountingApi.LineSpec> read(DatasetArchive archive, String name) throws IOException {
        JsonStructure json;
        try (InputStream in = archive.open(name);
                JsonReader reader =
                        Json.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            json = reader.read();
        } catch (JsonException e) {
            throw new InvalidDatasetException(
                    name + " is not valid JSON (" + e.getMessage() + "); expected " + EXAMPLE);
        }
        if (!(json instanceof JsonObject object)
                || !object.keySet().equals(Set.of("lines"))
                || object.get("lines").getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidDatasetException(
                    name + " must hold exactly one field 'lines', like " + EXAMPLE);
        }
        JsonArray array = object.getJsonArray("lines");
        List<CountingApi.LineSpec> lines = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            lines.add(line(name, i, array.get(i)));
        }
        try {
            CountingConfiguration.checkLines(lines);
        } catch (InvalidRequestException e) {
            throw new InvalidDatasetException(name + ": " + e.getMessage());
        }
        return lines;
    }

    private static CountingApi.LineSpec line(String name, int index, JsonValue value) {
        if (value instanceof JsonObject o
                && o.get("name") instanceof JsonString lineName
                && point(o.get("from")) != null
                && point(o.get("to")) != null) {
            return new CountingApi.LineSpec(
                    lineName.getString(), point(o.get("from")), point(o.get("to")));
        }
        throw new InvalidDatasetException(
                name
                        + ": line "
                        + (index + 1)
                        + " needs a 'name' and the points 'from' and 'to' as [x, y] in image"
                        + " pixels, like "
                        + EXAMPLE);
    }

    private static double[] point(JsonValue value) {
        if (value instanceof JsonArray a
                && a.size() == 2
                && a.get(0) instanceof JsonNumber x
                && a.get(1) instanceof JsonNumber y) {
            return new double[] {x.doubleValue(), y.doubleValue()};
        }
        return null;
    }
}
