package de.kihub.services.modelimport;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the weights that model.json's {@code weightsManifest} describes. Each manifest group lists
 * weight files whose bytes, concatenated, hold its weights one after another, little-endian.
 *
 * <p>tfjs shrinks weights on export: float16 and uint8/uint16 quantisation (expanded back to
 * float32 here) and int64 constants stored as int32 (widened back when the graph's Const node asks
 * for DT_INT64).
 */
final class WeightsReader {
    /** Weights beyond this are refused rather than read into memory. */
    static final long MAX_TOTAL_BYTES = 1L << 30;

    private final Path directory;
    private final Function<String, String> declaredType;
    private long totalBytes;

    /**
     * @param directory where model.json lies; weight paths are relative to it
     * @param declaredType the {@code dtype} attribute of the Const node of a weight name, or null
     */
    WeightsReader(Path directory, Function<String, String> declaredType) {
        this.directory = directory.toAbsolutePath().normalize();
        this.declaredType = declaredType;
    }

    Map<String, Tensor> read(JsonArray manifest) {
        Map<String, Tensor> weights = new HashMap<>();
        for (int g = 0; g < manifest.size(); g++) {
            String where = "model.json weightsManifest[" + g + "]";
            JsonObject group = JsonFields.object(manifest.get(g), where);
            List<Entry> entries = entries(JsonFields.array(group, "weights", where), where);
            List<Path> files = files(JsonFields.array(group, "paths", where), where);
            ByteBuffer bytes = load(files, entries, where);
            for (Entry entry : entries) {
                if (weights.put(entry.name, decode(entry, bytes)) != null) {
                    throw new ModelImportException(
                            "The weights manifest lists '" + entry.name + "' twice.");
                }
            }
        }
        return weights;
    }

    /** One weight of a group, validated, before its bytes are read. */
    private record Entry(
            String name,
            long[] shape,
            int count,
            String dtype,
            String stored,
            float min,
            float scale) {
        long byteSize() {
            return (long) count * bytesPerElement(stored);
        }
    }

    private List<Entry> entries(JsonArray weights, String where) {
        List<Entry> entries = new ArrayList<>();
        for (int w = 0; w < weights.size(); w++) {
            String at = where + ".weights[" + w + "]";
            JsonObject weight = JsonFields.object(weights.get(w), at);
            String name = JsonFields.string(weight, "name", at);
            at = "The weight '" + name + "'";
            JsonArray dims = JsonFields.array(weight, "shape", at);
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = JsonFields.integer(dims.get(i), at + " shape");
                if (shape[i] < 0) {
                    throw new ModelImportException(at + " has a negative dimension.");
                }
            }
            int count;
            try {
                count = Shapes.elementCount(shape);
            } catch (ArithmeticException e) {
                throw new ModelImportException(at + " is too large: " + Shapes.format(shape));
            }
            String dtype = JsonFields.string(weight, "dtype", at);
            JsonObject quantization = JsonFields.optionalObject(weight, "quantization", at);
            String stored =
                    quantization.isEmpty()
                            ? dtype
                            : JsonFields.string(quantization, "dtype", at + " quantization");
            if (bytesPerElement(stored) == 0) {
                throw new ModelImportException(
                        at
                                + " is stored as '"
                                + stored
                                + "', which the importer does not support.");
            }
            checkCombination(at, dtype, stored);
            float min = 0;
            float scale = 1;
            if (stored.startsWith("uint")) {
                String q = at + " quantization";
                min = (float) JsonFields.number(required(quantization, "min", q), q + " min");
                scale = (float) JsonFields.number(required(quantization, "scale", q), q + " scale");
            }
            entries.add(new Entry(name, shape, count, dtype, stored, min, scale));
        }
        return entries;
    }

    private static void checkCombination(String at, String dtype, String stored) {
        boolean supported =
                switch (dtype) {
                    case "float32" -> !stored.equals("int32") && !stored.equals("bool");
                    case "int32" -> stored.equals("int32") || stored.startsWith("uint");
                    case "bool" -> stored.equals("bool");
                    default -> false;
                };
        if (!supported) {
            throw new ModelImportException(
                    at
                            + " has dtype '"
                            + dtype
                            + "' stored as '"
                            + stored
                            + "', which the importer does not support.");
        }
    }

    /** Bytes per stored element; 0 for encodings the importer does not read. */
    private static int bytesPerElement(String stored) {
        return switch (stored) {
            case "float32", "int32" -> 4;
            case "float16", "uint16" -> 2;
            case "uint8", "bool" -> 1;
            default -> 0;
        };
    }

    private List<Path> files(JsonArray paths, String where) {
        List<Path> files = new ArrayList<>();
        for (JsonValue value : paths) {
            String relative = JsonFields.string(value, where + ".paths");
            Path file = directory.resolve(relative).normalize();
            // the manifest comes from the uploader: it may only name files beside model.json
            if (relative.isEmpty()
                    || Path.of(relative).isAbsolute()
                    || !file.startsWith(directory)
                    || file.equals(directory)) {
                throw new ModelImportException(
                        "The weight file '" + relative + "' lies outside the model's directory.");
            }
            if (!Files.isRegularFile(file)) {
                throw new ModelImportException("The weight file '" + relative + "' is missing.");
            }
            if (!realPath(file).startsWith(realPath(directory))) {
                throw new ModelImportException(
                        "The weight file '" + relative + "' links outside the model's directory.");
            }
            files.add(file);
        }
        return files;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new ModelImportException(
                    "The weight file '" + path.getFileName() + "' cannot be read.");
        }
    }

    /** Reads a group's files after checking that they hold exactly the bytes the manifest says. */
    private ByteBuffer load(List<Path> files, List<Entry> entries, String where) {
        long expected = entries.stream().mapToLong(Entry::byteSize).sum();
        long actual = 0;
        try {
            for (Path file : files) {
                actual += Files.size(file);
            }
        } catch (IOException e) {
            throw new ModelImportException("A weight file of " + where + " cannot be read.");
        }
        String names = files.stream().map(f -> f.getFileName().toString()).toList().toString();
        if (actual < expected) {
            throw new ModelImportException(
                    "The weight files "
                            + names
                            + " hold "
                            + actual
                            + " bytes, but the manifest describes "
                            + expected
                            + ": they are truncated or belong to another model.");
        }
        if (actual > expected) {
            throw new ModelImportException(
                    "The weight files "
                            + names
                            + " hold "
                            + actual
                            + " bytes, more than the "
                            + expected
                            + " the manifest describes: they belong to another model.");
        }
        totalBytes += actual;
        if (totalBytes > MAX_TOTAL_BYTES) {
            throw new ModelImportException(
                    "The model's weights exceed " + (MAX_TOTAL_BYTES >> 20) + " MiB.");
        }
        byte[] bytes = new byte[(int) actual];
        int offset = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                int wanted = (int) Math.min(bytes.length - offset, Files.size(file));
                int read = in.readNBytes(bytes, offset, wanted);
                if (read < wanted) {
                    throw new ModelImportException(
                            "The weight file '" + file.getFileName() + "' shrank while reading.");
                }
                offset += read;
            } catch (IOException e) {
                throw new ModelImportException(
                        "The weight file '" + file.getFileName() + "' cannot be read.");
            }
        }
        if (offset != bytes.length) {
            throw new ModelImportException("The weight files " + names + " changed while reading.");
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Decodes the next weight from the group's bytes, which are consumed in manifest order. */
    private Tensor decode(Entry entry, ByteBuffer bytes) {
        String declared = declaredType.apply(entry.name);
        if (entry.dtype.equals("float32")) {
            float[] values = new float[entry.count];
            for (int i = 0; i < values.length; i++) {
                values[i] = floatAt(entry, bytes);
            }
            return Tensor.ofFloats(entry.shape, values);
        }
        long[] values = new long[entry.count];
        for (int i = 0; i < values.length; i++) {
            values[i] =
                    switch (entry.stored) {
                        case "int32" -> bytes.getInt();
                        case "bool" -> bytes.get() == 0 ? 0 : 1;
                        // quantised integers: tfjs rounds the dequantised value
                        default -> Math.round(floatAt(entry, bytes));
                    };
        }
        if (entry.dtype.equals("bool")) {
            return Tensor.ofLongs(DataType.BOOL, entry.shape, values);
        }
        // tfjs has no int64: int64 constants arrive as int32 and the Const node keeps the real type
        DataType type = "DT_INT64".equals(declared) ? DataType.INT64 : DataType.INT32;
        return Tensor.ofLongs(type, entry.shape, values);
    }

    private static float floatAt(Entry entry, ByteBuffer bytes) {
        return switch (entry.stored) {
            case "float32" -> bytes.getFloat();
            case "float16" -> Float.float16ToFloat(bytes.getShort());
            case "uint8" -> entry.min + (bytes.get() & 0xff) * entry.scale;
            case "uint16" -> entry.min + (bytes.getShort() & 0xffff) * entry.scale;
            default -> throw new IllegalStateException("checked in entries(): " + entry.stored);
        };
    }

    private static JsonValue required(JsonObject object, String key, String at) {
        JsonValue value = object.get(key);
        if (value == null) {
            throw new ModelImportException(at + " has no '" + key + "'.");
        }
        return value;
    }
}
