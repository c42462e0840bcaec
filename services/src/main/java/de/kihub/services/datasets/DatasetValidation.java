package de.kihub.services.datasets;

import static de.kihub.services.datasets.DatasetArchive.quote;

import de.kihub.registry.artifact.InvalidArtifactException;
import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.imaging.ImageDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks an uploaded dataset archive completely before it is kept: safe zip, labels as the format
 * wants them, and every image read to its end. Each image's header must be JPEG or PNG of a
 * sensible size; the first {@value DatasetLimits#FULLY_DECODED_IMAGES} are decoded completely,
 * which catches a set of images that Java cannot decode without spending seconds per hundred images
 * on large sets. The frames of a MOT sequence share one size, and its lines lie on them.
 */
final class DatasetValidation {
    private DatasetValidation() {}

    /**
     * @throws de.kihub.registry.artifact.InvalidArtifactException naming the first bad file or line
     */
    static DatasetIndex validate(
            Path file, DatasetFormat format, long maxBytes, ImageDecoder decoder)
            throws IOException {
        try (DatasetArchive archive = DatasetArchive.open(file, DatasetLimits.upload(maxBytes))) {
            DatasetIndex index = DatasetIndex.read(archive, format);
            List<String> images = index.images();
            ImageDecoder.Header first = null;
            for (int i = 0; i < images.size(); i++) {
                String image = images.get(i);
                ImageDecoder.Header header =
                        check(archive, image, decoder, i < DatasetLimits.FULLY_DECODED_IMAGES);
                if (format == DatasetFormat.MOT) {
                    first = first == null ? header : first;
                    sameSize(first, images.get(0), header, image);
                }
            }
            if (format == DatasetFormat.MOT) {
                linesOnFrames(index.lines(), first);
            }
            return index;
        }
    }

    private static ImageDecoder.Header check(
            DatasetArchive archive, String image, ImageDecoder decoder, boolean decode)
            throws IOException {
        try {
            if (decode) {
                byte[] bytes = archive.read(image);
                ImageDecoder.Header header = decoder.header(new ByteArrayInputStream(bytes));
                try {
                    decoder.decode(bytes);
                } catch (InvalidRequestException e) {
                    throw new InvalidRequestException(
                            "has a valid header but cannot be decoded ("
                                    + e.getMessage().replaceFirst("\\.$", "")
                                    + ")");
                }
                return header;
            }
            try (InputStream in = archive.open(image)) {
                ImageDecoder.Header header = decoder.header(in);
                // read to the end: the zip's CRC and the inflation limits are checked on the way
                in.transferTo(OutputStream.nullOutputStream());
                return header;
            }
        } catch (InvalidArtifactException e) {
            throw e; // the zip's own problems, which name the entry already
        } catch (InvalidRequestException e) {
            throw new InvalidDatasetException(
                    "The image " + quote(image) + " " + e.getMessage() + ".");
        }
    }

    private static void sameSize(
            ImageDecoder.Header first, String firstName, ImageDecoder.Header header, String name) {
        if (header.width() != first.width() || header.height() != first.height()) {
            throw new InvalidDatasetException(
                    "The frame "
                            + quote(name)
                            + " is "
                            + header.width()
                            + "x"
                            + header.height()
                            + " pixels, but "
                            + quote(firstName)
                            + " is "
                            + first.width()
                            + "x"
                            + first.height()
                            + "; the frames of a sequence share one size.");
        }
    }

    private static void linesOnFrames(List<CountingApi.LineSpec> lines, ImageDecoder.Header frame) {
        for (CountingApi.LineSpec line : lines) {
            for (double[] p : List.of(line.from(), line.to())) {
                if (p[0] < 0 || p[1] < 0 || p[0] > frame.width() || p[1] > frame.height()) {
                    throw new InvalidDatasetException(
                            MotSequence.LINES
                                    + ": line "
                                    + quote(line.name())
                                    + " has the point ["
                                    + p[0]
                                    + ", "
                                    + p[1]
                                    + "] outside the frames (0 to "
                                    + frame.width()
                                    + ", 0 to "
                                    + frame.height()
                                    + ").");
                }
            }
        }
    }
}
