package de.kihub.services.classification;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Locale;

/**
 * How an image becomes a classifier's input tensor: fitted to {@code width x height} (stretched, or
 * scaled to cover and cropped in the centre), bilinear; its colour channels in the model's order,
 * scaled to the model's pixel range, then {@code (value - mean[c]) / std[c]} per channel; laid out
 * channels first (NCHW) or last (NHWC) with a batch dimension of 1.
 *
 * @param layout where the channels are in the input tensor
 * @param width the input's width in pixels
 * @param height the input's height in pixels
 * @param resize how the image is fitted to the input
 * @param channels the order of the colour channels the model expects
 * @param range the pixel values the model expects before normalisation
 * @param mean per channel, in the order of {@code channels}, in units of {@code range}
 * @param std per channel, in the order of {@code channels}, in units of {@code range}
 * @param output whether the model's scores still need a softmax
 */
public record Preprocessing(
        Layout layout,
        int width,
        int height,
        Resize resize,
        ChannelOrder channels,
        PixelRange range,
        List<Double> mean,
        List<Double> std,
        Output output) {

    /** Channels first ([1, 3, H, W]) or last ([1, H, W, 3]). */
    public enum Layout {
        NCHW,
        NHWC
    }

    /** Stretched to the input's size, or scaled to cover it and cropped in the centre. */
    public enum Resize {
        STRETCH("stretch"),
        CENTER_CROP("center-crop");

        private final String key;

        Resize(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The order of the three colour channels. */
    public enum ChannelOrder {
        RGB,
        BGR
    }

    /** Pixel values 0 to 1 or 0 to 255 before mean and std are applied. */
    public enum PixelRange {
        UNIT("0-1", 1f / 255),
        BYTE("0-255", 1f);

        private final String key;
        private final float scale;

        PixelRange(String key, float scale) {
            this.key = key;
            this.scale = scale;
        }

        public String key() {
            return key;
        }
    }

    /** Scores that need a softmax (logits), or probabilities already. */
    public enum Output {
        LOGITS,
        PROBABILITIES;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Preprocessing {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (mean.size() != 3 || std.size() != 3) {
            throw new IllegalArgumentException("mean and std need one value per colour channel");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("the input needs a positive size");
        }
    }

    /** The tensor's shape, batch dimension first. */
    public long[] shape() {
        return layout == Layout.NCHW
                ? new long[] {1, 3, height, width}
                : new long[] {1, height, width, 3};
    }

    /** The input tensor's values in the order of {@link #shape()}. */
    public float[] tensor(BufferedImage image) {
        byte[] bgr = ((DataBufferByte) fit(image).getRaster().getDataBuffer()).getData();
        int plane = width * height;
        float[] values = new float[3 * plane];
        float[] m = new float[3];
        float[] s = new float[3];
        int[] source = new int[3];
        for (int c = 0; c < 3; c++) {
            m[c] = mean.get(c).floatValue();
            s[c] = std.get(c).floatValue();
            // the fitted image is stored B, G, R
            source[c] = channels == ChannelOrder.BGR ? c : 2 - c;
        }
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                float v = ((bgr[3 * p + source[c]] & 0xff) * range.scale - m[c]) / s[c];
                values[layout == Layout.NCHW ? c * plane + p : 3 * p + c] = v;
            }
        }
        return values;
    }

    /** The image at the input's size, 8 bits per channel, B G R per pixel. */
    BufferedImage fit(BufferedImage image) {
        BufferedImage fitted = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = fitted.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            if (resize == Resize.STRETCH) {
                g.drawImage(image, 0, 0, width, height, null);
            } else {
                double scale =
                        Math.max(
                                width / (double) image.getWidth(),
                                height / (double) image.getHeight());
                int w = (int) Math.round(image.getWidth() * scale);
                int h = (int) Math.round(image.getHeight() * scale);
                g.drawImage(image, (width - w) / 2, (height - h) / 2, w, h, null);
            }
        } finally {
            g.dispose();
        }
        return fitted;
    }
}
