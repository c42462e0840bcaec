package de.kihub.services.counting.bench;

import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.NanoDetOnnx;
import de.kihub.services.counting.Pets09Frames;
import de.kihub.services.counting.inference.DjlNanoDet;
import de.kihub.services.imaging.ImageDecoder;
import de.kihub.services.modelimport.TfjsToOnnx;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The in-process side of the predict throughput benchmark (issue 5): the same JPEG frames that the
 * load client sends to a deployment's predict endpoint, run through bare DJL in this JVM at
 * concurrency 1, 2 and 4. Per request it does what the hub does with a body: decode the JPEG with
 * {@link ImageDecoder#defaults()}, take one of {@code workers} predictors (the hub's default {@code
 * kihub.counting.workers} = 2), detect and decode boxes at the default settings. Run by {@code
 * deploy/bench/predict-throughput}; see docs/benchmarks.md.
 *
 * <ul>
 *   <li>{@code prepare out=DIR [frames=100] [quality=0.9]}: writes PETS09-S2L1 frames, spread over
 *       frames 1-400, as {@code DIR/frames/fNNNN.jpg}, and the people counter converted from the
 *       shared weights as {@code DIR/nanodet-m.onnx}.
 *   <li>{@code run frames=DIR [model=FILE.onnx] [levels=1,2,4] [warmup=5] [duration=20] [workers=2]
 *       [threads=1]}: counts the persons of every frame once (a check sum to compare with the hub),
 *       then per level warms up and measures for the given seconds.
 * </ul>
 *
 * Each level prints one {@code RESULT} line: requests that started and finished inside the measured
 * window, their rate, and nearest-rank p50/p99 latency in milliseconds.
 */
public final class PredictThroughputBenchmark {
    private static final DetectionSettings SETTINGS = DetectionSettings.defaults();

    private PredictThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: prepare out=DIR | run frames=DIR ...");
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "prepare" -> prepare(options);
            case "run" -> run(options);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void prepare(Map<String, String> options) throws IOException {
        Path out = Path.of(required(options, "out"));
        int count = Integer.parseInt(options.getOrDefault("frames", "100"));
        float quality = Float.parseFloat(options.getOrDefault("quality", "0.9"));
        Path frames = out.resolve("frames");
        Files.createDirectories(frames);
        try (Stream<Path> old = Files.list(frames)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            int number = 1 + i * Pets09Frames.COUNT / count;
            Path jpeg = frames.resolve(String.format(Locale.ROOT, "f%04d.jpg", number));
            writeJpeg(Pets09Frames.read(number), quality, jpeg);
            bytes += Files.size(jpeg);
        }
        Path onnx = out.resolve("nanodet-m.onnx");
        TfjsToOnnx.convert(NanoDetOnnx.weights().modelJson()).writeTo(onnx);
        System.out.printf(
                Locale.ROOT,
                "wrote %d JPEG frames (quality %.2f, %d KiB on average) to %s and the model to %s%n",
                count,
                quality,
                bytes / count / 1024,
                frames,
                onnx);
    }

    private static void writeJpeg(BufferedImage image, float quality, Path file)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (OutputStream os = Files.newOutputStream(file);
                ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static void run(Map<String, String> options) throws Exception {
        List<byte[]> frames = readFrames(Path.of(required(options, "frames")));
        int workers = Integer.parseInt(options.getOrDefault("workers", "2"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "1"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "5"));
        double duration = Double.parseDouble(options.getOrDefault("duration", "20"));
        Path model =
                options.containsKey("model")
                        ? Path.of(options.get("model"))
                        : NanoDetOnnx.convertToTempFile();
        System.out.printf(
                Locale.ROOT,
                "in-process: %d cores, Java %s, max heap %d MiB, model %s, %d frames, %d"
                        + " predictors x %d intra-op thread(s)%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                model,
                frames.size(),
                workers,
                threads);
        ImageDecoder images = ImageDecoder.defaults();
        try (DjlNanoDet nanodet = new DjlNanoDet(model, threads)) {
            BlockingQueue<DjlNanoDet.Worker> pool = new ArrayBlockingQueue<>(workers);
            for (int i = 0; i < workers; i++) {
                pool.add(nanodet.newWorker(SETTINGS));
            }
            Load.Call predict =
                    body -> {
                        try (ImageDecoder.Decoded image = images.decodeReusing(body)) {
                            DjlNanoDet.Worker worker = pool.take();
                            try {
                                List<Detection> found = worker.detect(image.image());
                                return found.size();
                            } finally {
                                pool.add(worker);
                            }
                        }
                    };
            long persons = 0;
            for (byte[] frame : frames) {
                persons += predict.call(frame);
            }
            System.out.printf(Locale.ROOT, "CHECK frames=%d persons=%d%n", frames.size(), persons);
            for (String level : options.getOrDefault("levels", "1,2,4").split(",")) {
                Load.Result r =
                        Load.run(predict, frames, Integer.parseInt(level), warmup, duration);
                System.out.println(r.line());
            }
            pool.forEach(DjlNanoDet.Worker::close);
        }
    }

    private static List<byte[]> readFrames(Path dir) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.getFileName().toString().endsWith(".jpg"))
                            .sorted()
                            .toList()) {
                frames.add(Files.readAllBytes(file));
            }
        }
        if (frames.isEmpty()) {
            throw new IOException("no *.jpg frames in " + dir + "; run 'prepare' first");
        }
        return frames;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("options are key=value, got " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing option " + key + "=...");
        }
        return value;
    }

    /**
     * Closed-loop load: {@code concurrency} threads each send one request after the other, cycling
     * through the frames from different starting points. The same method as the HTTP load client
     * (deploy/bench/PredictLoad.java), so that both sides are measured alike.
     */
    static final class Load {
        /** One request; returns the persons found, or throws on failure. */
        interface Call {
            int call(byte[] body) throws Exception;
        }

        record Result(
                int concurrency, long ok, double seconds, long[] nanos, Map<String, Long> failed) {
            String line() {
                long[] sorted = nanos.clone();
                Arrays.sort(sorted);
                return String.format(
                        Locale.ROOT,
                        "RESULT concurrency=%d ok=%d seconds=%.1f rps=%.1f p50=%.1f p99=%.1f failed=%s",
                        concurrency,
                        ok,
                        seconds,
                        ok / seconds,
                        percentile(sorted, 50),
                        percentile(sorted, 99),
                        failed.isEmpty() ? "none" : failed.toString().replace(" ", ""));
            }
        }

        static Result run(
                Call call, List<byte[]> frames, int concurrency, double warmup, double duration)
                throws InterruptedException {
            long start = System.nanoTime();
            long from = start + (long) (warmup * 1e9);
            long end = from + (long) (duration * 1e9);
            Map<String, Long> failed = new ConcurrentHashMap<>();
            List<long[]> perThread = new ArrayList<>();
            AtomicLong ok = new AtomicLong();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                int first = t * frames.size() / concurrency;
                LongList mine = new LongList();
                clients.add(
                        Thread.ofPlatform()
                                .name("in-process-client-" + t)
                                .start(
                                        () -> {
                                            int f = first;
                                            while (true) {
                                                long t0 = System.nanoTime();
                                                if (t0 >= end) {
                                                    break;
                                                }
                                                String failure = null;
                                                try {
                                                    call.call(frames.get(f));
                                                } catch (Exception e) {
                                                    failure = e.getClass().getSimpleName();
                                                }
                                                long t1 = System.nanoTime();
                                                if (failure != null) {
                                                    // warm-up included: no failure goes unseen
                                                    failed.merge(failure, 1L, Long::sum);
                                                } else if (t0 >= from && t1 <= end) {
                                                    mine.add(t1 - t0);
                                                    ok.incrementAndGet();
                                                }
                                                f = (f + 1) % frames.size();
                                            }
                                            synchronized (perThread) {
                                                perThread.add(mine.toArray());
                                            }
                                        }));
            }
            for (Thread client : clients) {
                client.join();
            }
            long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
            return new Result(concurrency, ok.get(), duration, all, failed);
        }

        /** Nearest-rank percentile in milliseconds; 0 when nothing was measured. */
        static double percentile(long[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    /** A growable list of longs, so that recording a latency does not box. */
    private static final class LongList {
        private long[] values = new long[4096];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
