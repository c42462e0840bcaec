package de.kihub.services.evaluation;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.datasets.DatasetContent;
import de.kihub.services.imaging.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The images of a list of a dataset's files in order, each read and decoded on {@code prefetch}
 * while the one before is evaluated; one image at a time, so the content is never read by two
 * threads at once.
 */
final class DatasetImages {
    private final ImageDecoder decoder = ImageDecoder.defaults();
    private final DatasetContent content;
    private final List<String> files;
    private final Executor prefetch;
    private int position;
    private CompletableFuture<BufferedImage> ahead;

    DatasetImages(DatasetContent content, List<String> files, Executor prefetch) {
        this.content = content;
        this.files = files;
        this.prefetch = prefetch;
        ahead = read(0);
    }

    /**
     * The next image.
     *
     * @throws InvalidRequestException it cannot be read (its name is said)
     */
    BufferedImage take() {
        BufferedImage image;
        try {
            image = ahead.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        ahead = read(++position);
        return image;
    }

    private CompletableFuture<BufferedImage> read(int index) {
        return index < files.size()
                ? CompletableFuture.supplyAsync(() -> decode(files.get(index)), prefetch)
                : null;
    }

    private BufferedImage decode(String file) {
        try {
            return decoder.decode(content.image(file));
        } catch (IOException | InvalidRequestException e) {
            throw new InvalidRequestException(
                    "Image '" + file + "' of the dataset cannot be read: " + e.getMessage());
        }
    }
}
