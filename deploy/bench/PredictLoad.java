import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The HTTP side of the predict throughput benchmark (issue 5), run by deploy/bench/predict-throughput:
 * sends the JPEG frames of a folder to a deployment's predict endpoint with a machine key, closed
 * loop, at each concurrency level. The same method as the in-process side
 * (services/.../bench/PredictThroughputBenchmark.java): first every frame once (the persons found
 * are summed, a check sum to compare with the in-process side), then per level a warm-up and a
 * measured window; a request counts when it started and finished inside the window. Every answer
 * other than 200 is counted by status, warm-up included, and printed; on 429/503 the thread waits
 * as Retry-After says (at most until the window ends), as the hub asks clients to.
 *
 * <pre>java PredictLoad.java URL KEY FRAMES_DIR [LEVELS=1,2,4] [WARMUP_S=5] [DURATION_S=20]</pre>
 */
public class PredictLoad {
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException(
                    "usage: java PredictLoad.java URL KEY FRAMES_DIR [1,2,4] [warm-up s] [duration s]");
        }
        URI url = URI.create(args[0]);
        String key = args[1];
        List<byte[]> frames = frames(Path.of(args[2]));
        String levels = args.length > 3 ? args[3] : "1,2,4";
        double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 5;
        double duration = args.length > 5 ? Double.parseDouble(args[5]) : 20;
        // HTTP/1.1 with keep-alive, as cameras call; one shared client, one connection per thread
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        System.out.printf(
                Locale.ROOT,
                "hub: %s, %d frames, Java %s%n",
                url,
                frames.size(),
                System.getProperty("java.version"));
        long persons = 0;
        Map<String, Long> refused = new TreeMap<>();
        for (byte[] frame : frames) {
            HttpResponse<String> r = send(http, url, key, frame);
            // a rate limit or a full waiting line: wait as told and send the frame again
            for (int i = 0; i < 30 && retryAfter(r) > 0; i++) {
                refused.merge(String.valueOf(r.statusCode()), 1L, Long::sum);
                sleepNanos(retryAfter(r));
                r = send(http, url, key, frame);
            }
            if (r.statusCode() != 200) {
                throw new IOException("predict answered " + r.statusCode() + ": " + r.body());
            }
            Matcher m = COUNT.matcher(r.body());
            if (!m.find()) {
                throw new IOException("no count in the answer: " + r.body());
            }
            persons += Long.parseLong(m.group(1));
        }
        System.out.printf(
                Locale.ROOT,
                "CHECK frames=%d persons=%d refused=%s%n",
                frames.size(),
                persons,
                refused.isEmpty() ? "none" : refused.toString().replace(" ", ""));
        for (String level : levels.split(",")) {
            System.out.println(
                    run(http, url, key, frames, Integer.parseInt(level), warmup, duration));
        }
    }

    static HttpResponse<String> send(HttpClient http, URI url, String key, byte[] frame)
            throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "ApiKey " + key)
                        .header("Content-Type", "image/jpeg")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(frame))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String run(
            HttpClient http,
            URI url,
            String key,
            List<byte[]> frames,
            int concurrency,
            double warmup,
            double duration)
            throws InterruptedException {
        long start = System.nanoTime();
        long from = start + (long) (warmup * 1e9);
        long end = from + (long) (duration * 1e9);
        Map<String, Long> failed = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int first = t * frames.size() / concurrency;
            clients.add(
                    Thread.ofPlatform()
                            .name("http-client-" + t)
                            .start(
                                    () -> {
                                        long[] mine = new long[4096];
                                        int n = 0;
                                        int f = first;
                                        while (true) {
                                            long t0 = System.nanoTime();
                                            if (t0 >= end) {
                                                break;
                                            }
                                            String failure = null;
                                            long retryAfterNanos = 0;
                                            try {
                                                HttpResponse<String> r =
                                                        send(http, url, key, frames.get(f));
                                                if (r.statusCode() != 200) {
                                                    failure = String.valueOf(r.statusCode());
                                                    retryAfterNanos = retryAfter(r);
                                                }
                                            } catch (IOException e) {
                                                failure = e.getClass().getSimpleName();
                                            } catch (InterruptedException e) {
                                                Thread.currentThread().interrupt();
                                                break;
                                            }
                                            long t1 = System.nanoTime();
                                            if (failure != null) {
                                                failed.merge(failure, 1L, Long::sum);
                                                sleepNanos(Math.min(retryAfterNanos, end - t1));
                                            } else if (t0 >= from && t1 <= end) {
                                                if (n == mine.length) {
                                                    mine = Arrays.copyOf(mine, n * 2);
                                                }
                                                mine[n++] = t1 - t0;
                                                ok.incrementAndGet();
                                            }
                                            f = (f + 1) % frames.size();
                                        }
                                        synchronized (perThread) {
                                            perThread.add(Arrays.copyOf(mine, n));
                                        }
                                    }));
        }
        for (Thread client : clients) {
            client.join();
        }
        long[] sorted = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "RESULT concurrency=%d ok=%d seconds=%.1f rps=%.1f p50=%.1f p99=%.1f failed=%s",
                concurrency,
                ok.get(),
                duration,
                ok.get() / duration,
                percentile(sorted, 50),
                percentile(sorted, 99),
                failed.isEmpty() ? "none" : new TreeMap<>(failed).toString().replace(" ", ""));
    }

    private static long retryAfter(HttpResponse<String> r) {
        if (r.statusCode() != 429 && r.statusCode() != 503) {
            return 0;
        }
        try {
            return r.headers()
                            .firstValue("Retry-After")
                            .map(Long::parseLong)
                            .orElse(1L)
                    * 1_000_000_000L;
        } catch (NumberFormatException e) {
            return 1_000_000_000L;
        }
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Nearest-rank percentile in milliseconds; 0 when nothing was measured. */
    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    static List<byte[]> frames(Path dir) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(p -> p.getFileName().toString().endsWith(".jpg"))
                            .sorted()
                            .toList()) {
                frames.add(Files.readAllBytes(file));
            }
        }
        if (frames.isEmpty()) {
            throw new IOException("no *.jpg frames in " + dir);
        }
        return frames;
    }
}
