package de.kihub.services.counting.inference;

import ai.djl.translate.Translator;
import de.kihub.services.counting.CenterNetDecoder;
import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.NanoDetDecoder;
import de.kihub.services.inspection.TensorSpec;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The person detectors the hub runs, each recognised by its ONNX signature and bringing its own
 * preprocessing (translator) and decoding. A dimension the file leaves open (-1) fits any size.
 */
enum DetectorArchitecture {
    /** NanoDet-m: 1x3x416x416 BGR in, class scores and box distances for 3 strides out. */
    NANODET(
            "NanoDet-m",
            "a 1x3x416x416 image in, its six GFL head outputs out",
            PersonDetector.BYTES_PER_WORKER) {
        @Override
        boolean fits(ModelSignature signature) {
            long[] sizes =
                    signature.outputs().stream()
                            .mapToLong(DetectorArchitecture::elementsPerFrame)
                            .sorted()
                            .toArray();
            return takesOneImage(signature, 3, 416, 416)
                    && Arrays.equals(sizes, NANODET_OUTPUT_SIZES);
        }

        @Override
        Translator<BufferedImage, RawOutputs> translator() {
            return new NanoDetTranslator();
        }

        @Override
        List<Detection> decode(RawOutputs raw, DetectionSettings settings) {
            return new NanoDetDecoder(settings)
                    .decodeRows(raw.outputs(), raw.width(), raw.height());
        }
    },

    /**
     * MobileNetV3-CenterNet: 1x512x512x3 RGB in, the graph's own top-100 detections out. Each
     * further loaded copy (an 8 MiB file) took 49-56 MiB of resident memory with one worker
     * (docs/benchmarks.md), mostly activations at 256x256 and the 128x128x80 heat map; 48 MiB per
     * worker keeps the estimate above that.
     */
    CENTERNET("CenterNet", "a 1x512x512x3 image in, tower_0_detections 1x100x6 out", 48L << 20) {
        @Override
        boolean fits(ModelSignature signature) {
            int size = CenterNetInput.SIZE;
            return takesOneImage(signature, size, size, 3)
                    && signature.outputs().stream()
                            .anyMatch(
                                    o ->
                                            o.name().equals(CenterNetTranslator.DETECTIONS)
                                                    && isFloat(o)
                                                    && fitsShape(
                                                            o.shape(),
                                                            1,
                                                            CenterNetDecoder.ROWS,
                                                            6));
        }

        @Override
        Translator<BufferedImage, RawOutputs> translator() {
            return new CenterNetTranslator();
        }

        @Override
        List<Detection> decode(RawOutputs raw, DetectionSettings settings) {
            return new CenterNetDecoder(settings)
                    .decode(raw.outputs().get(0)[0], raw.width(), raw.height());
        }
    };

    /**
     * Per-frame sizes of NanoDet's six head outputs, sorted: 80 class scores or 4 x 11 distance
     * bins for each of the 52x52, 26x26 and 13x13 cells.
     */
    private static final long[] NANODET_OUTPUT_SIZES =
            Stream.of(2704L * 80, 676L * 80, 169L * 80, 2704L * 44, 676L * 44, 169L * 44)
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();

    private final String displayName;
    private final String expectation;
    private final long bytesPerWorker;

    DetectorArchitecture(String displayName, String expectation, long bytesPerWorker) {
        this.displayName = displayName;
        this.expectation = expectation;
        this.bytesPerWorker = bytesPerWorker;
    }

    String displayName() {
        return displayName;
    }

    /** Activation buffers of one inference, per worker that may run at once. */
    long bytesPerWorker() {
        return bytesPerWorker;
    }

    abstract boolean fits(ModelSignature signature);

    /** A new translator; each predictor gets its own. */
    abstract Translator<BufferedImage, RawOutputs> translator();

    abstract List<Detection> decode(RawOutputs raw, DetectionSettings settings);

    /** The architecture whose signature the model has, if any. */
    static Optional<DetectorArchitecture> recognise(ModelSignature signature) {
        return Stream.of(values()).filter(a -> a.fits(signature)).findFirst();
    }

    /** What each architecture expects, for a message about a model that fits none. */
    static String expectations() {
        return String.join(
                " or ",
                Stream.of(values()).map(a -> a.displayName + " (" + a.expectation + ")").toList());
    }

    private static boolean takesOneImage(ModelSignature signature, long... dims) {
        if (signature.inputs().size() != 1 || !isFloat(signature.inputs().get(0))) {
            return false;
        }
        long[] shape = new long[dims.length + 1];
        shape[0] = 1;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        return fitsShape(signature.inputs().get(0).shape(), shape);
    }

    private static boolean isFloat(TensorSpec tensor) {
        return tensor.dataType().equals("float32");
    }

    private static boolean fitsShape(List<Long> actual, long... expected) {
        if (actual.size() != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (actual.get(i) != -1 && actual.get(i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Elements per frame of a float output with a leading batch dimension; -1 otherwise. */
    private static long elementsPerFrame(TensorSpec tensor) {
        List<Long> shape = tensor.shape();
        if (!isFloat(tensor) || shape.isEmpty() || shape.get(0) > 1) {
            return -1;
        }
        long count = 1;
        for (long dim : shape.subList(1, shape.size())) {
            if (dim < 0) {
                return -1;
            }
            count *= dim;
        }
        return count;
    }
}
