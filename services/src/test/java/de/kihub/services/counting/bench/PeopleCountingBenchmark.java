package de.kihub.services.counting.bench;

import static de.kihub.services.counting.NanoDetOnnx.oneWorker;

import de.kihub.services.counting.CenterNetDecoder;
import de.kihub.services.counting.CenterNetOnnx;
import de.kihub.services.counting.CountingLine;
import de.kihub.services.counting.CountingSession;
import de.kihub.services.counting.CountingSettings;
import de.kihub.services.counting.Detection;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.NanoDetDecoder;
import de.kihub.services.counting.NanoDetOnnx;
import de.kihub.services.counting.Pets09Frames;
import de.kihub.services.counting.Point;
import de.kihub.services.counting.SharedTestData;
import de.kihub.services.counting.inference.CenterNetTensors;
import de.kihub.services.counting.inference.NanoDetTensors;
import de.kihub.services.counting.inference.PersonDetector;
import de.kihub.services.modelimport.CenterNetWeights;
import de.kihub.services.modelimport.TfReferenceGraph;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * How fast and how big the people counter is on PETS09-S2L1 frames 1-400 (768x576): milliseconds
 * per frame for detection alone and for detection plus tracking and line counting, with ONNX
 * Runtime at 1 and 2 intra-op threads, against TensorFlow Java running the original graph of the
 * same weights; and the memory one loaded model takes. Run it as docs/benchmarks.md says; the
 * argument {@code centernet} measures the second detector instead of NanoDet-m.
 *
 * <p>A frame's time covers what the hub does with a decoded image: preprocessing, inference,
 * decoding and suppression (and for "with counting" the tracker and two lines); PNG decoding is
 * left out. Every configuration first runs {@link #WARM_UP} frames untimed.
 */
public final class PeopleCountingBenchmark {
    private static final int WARM_UP = 20;
    private static final List<CountingLine> LINES =
            List.of(
                    new CountingLine("x=400", new Point(400, 0), new Point(400, 576)),
                    new CountingLine("y=300", new Point(0, 300), new Point(768, 300)));

    /** A detector as the benchmark runs it, through the hub and through TensorFlow Java. */
    private record Subject(
            String name,
            Path modelJson,
            DetectionSettings settings,
            String tfInput,
            long[] shape,
            Function<BufferedImage, float[]> tensor,
            List<String> tfOutputs,
            Decoder decoder) {}

    @FunctionalInterface
    private interface Decoder {
        List<Detection> decode(List<float[]> outputs, int width, int height);
    }

    private PeopleCountingBenchmark() {}

    private static Subject nanoDet() {
        DetectionSettings settings = DetectionSettings.defaults();
        return new Subject(
                "NanoDet-m",
                NanoDetOnnx.weights().modelJson(),
                settings,
                "input_1",
                NanoDetTensors.SHAPE,
                NanoDetTensors::of,
                List.of(
                        "Identity",
                        "Identity_1",
                        "Identity_2",
                        "Identity_3",
                        "Identity_4",
                        "Identity_5"),
                new NanoDetDecoder(settings)::decode);
    }

    /** CenterNet at its best PETS09 threshold, 0.40 (CenterNetPets09AccuracyTest). */
    private static Subject centerNet() {
        DetectionSettings d = DetectionSettings.defaults();
        DetectionSettings settings = new DetectionSettings(0.40f, d.nmsIou(), 0, null);
        CenterNetDecoder decoder = new CenterNetDecoder(settings);
        return new Subject(
                "CenterNet",
                CenterNetWeights.verify(
                                SharedTestData.directory()
                                        .resolve(CenterNetWeights.DATA_SUBDIRECTORY))
                        .modelJson(),
                settings,
                "tower_0/images",
                CenterNetTensors.SHAPE,
                CenterNetTensors::of,
                List.of("tower_0/detections"),
                (outputs, width, height) -> decoder.decode(outputs.get(0), width, height));
    }

    public static void main(String[] args) throws Exception {
        // as the hub's load check: no model downloads, no usage reporting from DJL
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.out.printf(
                Locale.ROOT,
                "%d cores, Java %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        boolean centerNet = args.length > 0 && args[0].equalsIgnoreCase("centernet");
        Subject subject = centerNet ? centerNet() : nanoDet();
        Path onnx = centerNet ? CenterNetOnnx.convertToTempFile() : NanoDetOnnx.convertToTempFile();
        Path modelJson = subject.modelJson();
        System.out.println(subject.name() + ", threshold " + subject.settings().scoreThreshold());
        try {
            BufferedImage first = Pets09Frames.read(1);
            memory(subject, onnx, first);
            List<BufferedImage> frames = new ArrayList<>();
            for (int n : Pets09Frames.numbers()) {
                frames.add(Pets09Frames.read(n));
            }
            System.out.println();
            System.out.println(
                    "| engine | intra-op threads | what | median ms | p90 ms | fps |"
                            + " CPU ms, median |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int threads : new int[] {1, 2}) {
                try (PersonDetector detector = new PersonDetector(onnx, oneWorker(threads))) {
                    warmUp(subject, detector, frames);
                    report(
                            "ONNX Runtime (DJL)",
                            threads,
                            "detection",
                            detection(subject, detector, frames));
                    report(
                            "ONNX Runtime (DJL)",
                            threads,
                            "detection + tracking + 2 lines",
                            counting(subject, detector, frames));
                }
            }
            for (int threads : new int[] {1, 2}) {
                try (Graph graph = tensorFlowGraph(modelJson);
                        Session session = new Session(graph, config(threads))) {
                    for (BufferedImage frame : frames.subList(0, WARM_UP)) {
                        tensorFlow(subject, session, frame);
                    }
                    long[] nanos = new long[frames.size()];
                    for (int i = 0; i < frames.size(); i++) {
                        long start = System.nanoTime();
                        tensorFlow(subject, session, frames.get(i));
                        nanos[i] = System.nanoTime() - start;
                    }
                    // TF computes on its own threads, so the caller's CPU time says nothing
                    report(
                            "TensorFlow Java 1.1.0, reference",
                            threads,
                            "detection",
                            new Timing(nanos, null));
                }
            }
        } finally {
            Files.deleteIfExists(onnx);
        }
    }

    /**
     * Resident set growth (VmRSS) and Java heap growth, each after a full GC: for the first model
     * of an engine, which also maps the engine's native library, and for a second copy of the same
     * model, which is what each further loaded model costs. Each load runs one frame, so that the
     * engine's buffers for the model's input are allocated.
     */
    private static void memory(Subject subject, Path onnx, BufferedImage frame) throws Exception {
        DetectionSettings settings = subject.settings();
        Sample base = Sample.now();
        PersonDetector first = new PersonDetector(onnx, oneWorker(2));
        first.detect(frame, settings);
        Sample one = Sample.now();
        PersonDetector second = new PersonDetector(onnx, oneWorker(2));
        second.detect(frame, settings);
        Sample two = Sample.now();
        second.close();
        first.close();
        Graph graph = tensorFlowGraph(subject.modelJson());
        Session session = new Session(graph, config(2));
        tensorFlow(subject, session, frame);
        Sample tf = Sample.now();
        Graph graph2 = tensorFlowGraph(subject.modelJson());
        Session session2 = new Session(graph2, config(2));
        tensorFlow(subject, session2, frame);
        Sample tf2 = Sample.now();
        session2.close();
        graph2.close();
        session.close();
        graph.close();
        System.out.println();
        System.out.println("| memory | resident set growth MiB | Java heap growth MiB |");
        System.out.println("|---|---|---|");
        growth("ONNX Runtime: first model (with the native library)", base, one);
        growth("ONNX Runtime: one more model", one, two);
        growth("TensorFlow Java: first model (with the native library)", two, tf);
        growth("TensorFlow Java: one more model", tf, tf2);
    }

    private static void warmUp(
            Subject subject, PersonDetector detector, List<BufferedImage> frames) {
        for (BufferedImage frame : frames.subList(0, WARM_UP)) {
            detector.detect(frame, subject.settings());
        }
    }

    /**
     * Wall-clock and CPU nanoseconds per frame. With one intra-op thread ONNX Runtime computes on
     * the calling thread, so its CPU time is the work itself, without the waits for a core that
     * other processes on a shared machine add to the wall clock.
     */
    private record Timing(long[] wall, long[] cpu) {}

    private static Timing detection(
            Subject subject, PersonDetector detector, List<BufferedImage> frames) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[frames.size()];
        long[] cpu = new long[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            long startCpu = bean.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            detector.detect(frames.get(i), subject.settings());
            nanos[i] = System.nanoTime() - start;
            cpu[i] = bean.getCurrentThreadCpuTime() - startCpu;
        }
        return new Timing(nanos, cpu);
    }

    private static Timing counting(
            Subject subject, PersonDetector detector, List<BufferedImage> frames) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        CountingSession session =
                new CountingSession(LINES, List.of(), CountingSettings.defaults());
        Instant time = Instant.parse("2009-01-01T12:00:00Z");
        long[] nanos = new long[frames.size()];
        long[] cpu = new long[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            long startCpu = bean.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            List<Detection> found = detector.detect(frames.get(i), subject.settings());
            session.accept(found, time.plus(Duration.ofMillis(143L * i)));
            nanos[i] = System.nanoTime() - start;
            cpu[i] = bean.getCurrentThreadCpuTime() - startCpu;
        }
        return new Timing(nanos, cpu);
    }

    private static Graph tensorFlowGraph(Path modelJson) throws IOException {
        Graph graph = new Graph();
        graph.importGraphDef(TfReferenceGraph.read(modelJson));
        return graph;
    }

    private static ConfigProto config(int threads) {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads)
                .setInterOpParallelismThreads(1)
                .build();
    }

    /** The same preprocessing, decoding and suppression as the hub, with TensorFlow inside. */
    private static List<Detection> tensorFlow(
            Subject subject, Session session, BufferedImage frame) {
        List<float[]> outputs = new ArrayList<>();
        try (TFloat32 input =
                TFloat32.tensorOf(
                        Shape.of(subject.shape()),
                        DataBuffers.of(subject.tensor().apply(frame), true, false))) {
            Session.Runner runner = session.runner().feed(subject.tfInput(), input);
            subject.tfOutputs().forEach(runner::fetch);
            try (Result result = runner.run()) {
                for (int o = 0; o < subject.tfOutputs().size(); o++) {
                    TFloat32 value = (TFloat32) result.get(o);
                    float[] values = new float[(int) value.size()];
                    value.asRawTensor().data().asFloats().read(values);
                    outputs.add(values);
                }
            }
        }
        return subject.decoder().decode(outputs, frame.getWidth(), frame.getHeight());
    }

    /** A table row; the CPU column only where one thread does all the work (ONNX Runtime, 1). */
    private static void report(String engine, int threads, String what, Timing timing) {
        long[] nanos = timing.wall();
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = percentile(sorted, 50);
        double total = Arrays.stream(nanos).sum() / 1e6;
        String cpu = "–";
        if (timing.cpu() != null && threads == 1) {
            long[] cpuSorted = timing.cpu().clone();
            Arrays.sort(cpuSorted);
            cpu = String.format(Locale.ROOT, "%.1f", percentile(cpuSorted, 50));
        }
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %s | %.1f | %.1f | %.1f | %s |%n",
                engine,
                threads,
                what,
                median,
                percentile(sorted, 90),
                1000 * nanos.length / total,
                cpu);
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static void growth(String what, Sample before, Sample after) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %.0f | %.0f |%n",
                what,
                (after.rssKib - before.rssKib) / 1024.0,
                (after.heapBytes - before.heapBytes) / 1048576.0);
    }

    /** Resident set size from /proc/self/status and used heap, after a full GC. */
    private record Sample(long rssKib, long heapBytes) {
        static Sample now() throws IOException {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap = rt.totalMemory() - rt.freeMemory();
            for (String line :
                    Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return new Sample(Long.parseLong(line.replaceAll("\\D", "")), heap);
                }
            }
            throw new IOException("no VmRSS in /proc/self/status: not Linux?");
        }
    }
}
