import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of the catalog search benchmark (issue 6), run by deploy/bench/catalog-search: N
 * closed-loop clients (default 16), each a thread with its own kept-alive HTTP/1.1 connection
 * ({@code java.net.HttpURLConnection}, see {@link #BLOCKING}), send a fixed mix of catalog searches and
 * suggestions for a warm-up and then a measured window. A request counts when it started and
 * finished inside the window; p50/p95/p99 are nearest-rank over those latencies. Every answer other
 * than 200 is counted by status (warm-up included).
 *
 * <p>The mix ({@link #mix}, deterministic by seed): 90 % {@code GET /api/v1/catalog/models}, of
 * them 85 % with free text (German and English words, compounds, umlaut spellings, typos, phrases
 * and operators) and 15 % browsing without text; 0-3 filters of task, domain, license, riskClass
 * and format; sort relevance, newest or reuse; page 1-3 of 20; 10 % {@code GET
 * /api/v1/catalog/suggest?q=} with prefixes. Half the requests are anonymous, half signed in as
 * municipal users (tokens by password grant of the demo client kihub-cli, renewed every 4 min).
 *
 * <p>In-process latency: the server's histogram {@code kihub_catalog_search_duration_seconds} (and
 * the suggest one) is read from {@code GET /api/v1/metrics} as the curator at the start and at the
 * end of the window; p50/p99 come from the difference of the bucket counts and are the upper bound
 * of the bucket holding that rank.
 *
 * <pre>java CatalogSearchLoad.java HUB_URL KEYCLOAK_URL [CLIENTS=16] [WARMUP_S=15] [DURATION_S=60]
 *      [USERS=mia.member,gina.admin] [CURATOR=carla.curator] [SEED=7]</pre>
 */
public class CatalogSearchLoad {
    static final String[] TEXT_DE = {
        "Personenzählung",
        "Passantenzählung",
        "Besucherströme",
        "Besucherzählung",
        "Zählung",
        "Fußgänger",
        "Parkplatz",
        "Parkraum",
        "Stellplatz",
        "Parkhaus Auslastung",
        "Verkehrszählung",
        "Fahrzeug",
        "Kreuzung",
        "Müllabfuhr",
        "Abfall",
        "Container Füllstand",
        "Baumkataster",
        "Baum",
        "Baumkrone",
        "Schlagloch",
        "Straßenschäden",
        "Fahrbahn",
        "Bürgeranfragen",
        "Anliegen E-Mail",
        "Posteingang",
        "Lärmkarte",
        "Lärm",
        "Hochwasser",
        "Pegelstand",
        "Starkregen",
        "Radverkehr",
        "Fahrrad",
        "Energieverbrauch",
        "Stromverbrauch Schule",
        "Heizung",
        "Spracherkennung",
        "Ratssitzung",
        "Feinstaub",
        "Luftqualität",
        "Sperrmüll",
        "Graffiti",
        "Solarpotenzial",
        "Photovoltaik",
        "Versiegelung",
        "Kita",
        "Schülerzahlen",
        "Rettungsdienst",
        "Notruf",
        "Rechnung",
        "Museum Besucher",
        "Laterne",
        "Kamera Datenschutz",
        "Innenstadt",
        "Gelsenkirchen",
        "Prognose",
        "Erkennung",
        "Klassifikation",
        "zählen",
        "Zähler",
        "Luftbild"
    };
    static final String[] TEXT_UMLAUT = {
        "Personenzaehlung",
        "Muellabfuhr",
        "Laerm",
        "Strassenschaden",
        "Besucherstroeme",
        "Luftqualitaet",
        "Fussgaenger"
    };
    static final String[] TEXT_TYPO = {
        "Personenzälung", "Parkplaz", "Schlagloh", "Hochwaser", "Verkehrszälung", "Baumkatster",
        "Radverkher", "Enegieverbrauch", "pedestrain", "polution", "Spracherkenung", "Feinstuab"
    };
    static final String[] TEXT_EN = {
        "people counting",
        "footfall",
        "pedestrian",
        "parking",
        "car park occupancy",
        "traffic count",
        "vehicle counting",
        "waste collection",
        "litter",
        "tree register",
        "pothole",
        "road damage",
        "citizen requests",
        "noise map",
        "flood warning",
        "cycling",
        "bicycle",
        "energy consumption",
        "electricity",
        "speech recognition",
        "transcription",
        "air quality",
        "solar potential",
        "school planning",
        "ambulance",
        "invoice",
        "museum visitors",
        "street lighting",
        "crowd",
        "forecast",
        "detection"
    };
    static final String[] TEXT_SYNTAX = {
        "\"visitor flows\"",
        "Zählung -Fahrrad",
        "Parkplatz | Parkhaus",
        "\"Müllabfuhr\" Route",
        "flood | Hochwasser",
        "Baum -Luftbild"
    };
    static final String[] SUGGEST = {
        "Pe",
        "Pers",
        "Perso",
        "Passan",
        "Park",
        "Parkr",
        "Baum",
        "Schlag",
        "Hoch",
        "Rad",
        "Lärm",
        "laerm",
        "Müll",
        "Ener",
        "peop",
        "peo cou",
        "traf",
        "tree",
        "flo",
        "Verkehrsz",
        "Bürger",
        "Spra",
        "Fein",
        "Sola"
    };
    static final String[] TASKS = {
        "people-counting",
        "object-detection",
        "image-classification",
        "image-segmentation",
        "text-classification",
        "speech-recognition",
        "time-series-forecasting"
    };
    static final String[] DOMAINS = {
        "Mobilität",
        "Sicherheit & Ordnung",
        "Verwaltung",
        "Umwelt",
        "Bildung",
        "Gesundheit & Soziales",
        "Stadtentwicklung & Bauen",
        "Energie",
        "Kultur & Tourismus",
        "Wirtschaft"
    };
    static final String[] LICENSES = {"Apache-2.0", "MIT", "CC-BY-4.0", "EUPL-1.2", "GPL-3.0-only"};
    static final String[] RISK = {"MINIMAL", "LIMITED", "HIGH"};
    static final String[] FORMATS = {"ONNX", "TORCHSCRIPT", "DJL_ARCHIVE"};

    /** One request of the mix: a kind for the breakdown, the path, the user or null. */
    record Call(String kind, String path, String user) {}

    static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    static String hub;
    static String keycloak;
    static final Map<String, AtomicReference<String>> TOKENS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException(
                    "usage: java CatalogSearchLoad.java HUB_URL KEYCLOAK_URL [clients] [warm-up s]"
                            + " [duration s] [users] [curator] [seed]");
        }
        // one kept-alive connection per load thread (the JDK keeps 5 idle ones per server otherwise)
        System.setProperty("http.maxConnections", "64");
        hub = args[0].replaceAll("/$", "");
        keycloak = args[1].replaceAll("/$", "");
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        double warmup = args.length > 3 ? Double.parseDouble(args[3]) : 15;
        double duration = args.length > 4 ? Double.parseDouble(args[4]) : 60;
        List<String> users =
                List.of((args.length > 5 ? args[5] : "mia.member,gina.admin").split(","));
        String curator = args.length > 6 ? args[6] : "carla.curator";
        long seed = args.length > 7 ? Long.parseLong(args[7]) : 7;

        HttpClient control = client();
        for (String u : users) {
            TOKENS.put(u, new AtomicReference<>(token(control, u)));
        }
        TOKENS.put(curator, new AtomicReference<>(token(control, curator)));
        Thread renew =
                Thread.ofPlatform()
                        .daemon()
                        .start(
                                () -> {
                                    // access tokens live 5 minutes in the demo realm
                                    while (true) {
                                        try {
                                            Thread.sleep(Duration.ofMinutes(4));
                                            for (var e : TOKENS.entrySet()) {
                                                e.getValue().set(token(control, e.getKey()));
                                            }
                                        } catch (InterruptedException e) {
                                            return;
                                        } catch (IOException e) {
                                            System.err.println("token renewal failed: " + e);
                                        }
                                    }
                                });

        List<Call> mix = mix(new Random(seed), users, 4000);
        Map<String, Long> kinds = new TreeMap<>();
        mix.forEach(c -> kinds.merge(c.kind, 1L, Long::sum));
        System.out.printf(
                Locale.ROOT,
                "hub %s, %d clients, %.0f s warm-up + %.0f s measured, mix of %d requests %s, Java"
                    + " %s%n",
                hub,
                clients,
                warmup,
                duration,
                mix.size(),
                kinds,
                System.getProperty("java.version"));
        // what the catalog holds for each caller; one request per user before the load also lets
        // the hub register the users' tenants one at a time (the first requests of a new tenant
        // arriving together can collide on the tenant row: 500, see docs/benchmarks.md)
        List<String> callers = new ArrayList<>();
        callers.add(null);
        callers.addAll(users);
        for (String user : callers) {
            HttpResponse<String> r =
                    send(control, new Call("check", "/api/v1/catalog/models?size=1", user));
            Matcher m = TOTAL.matcher(r.body());
            System.out.printf(
                    Locale.ROOT,
                    "CHECK caller=%s status=%d visible=%s%n",
                    user == null ? "anonymous" : user,
                    r.statusCode(),
                    m.find() ? m.group(1) : "?");
        }

        String slowest = System.getenv("KIHUB_BENCH_SLOWEST");
        if (slowest != null && !slowest.isBlank()) {
            costliest(control, mix, Integer.parseInt(slowest.strip()));
            renew.interrupt();
            return;
        }

        long start = System.nanoTime();
        long from = start + (long) (warmup * 1e9);
        long end = from + (long) (duration * 1e9);
        Map<String, Long> failed = new ConcurrentHashMap<>();
        Map<String, List<long[]>> latencies = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long cpuBefore = processCpuNanos();
        double hubBefore = hubCpuSeconds();
        for (int t = 0; t < clients; t++) {
            int first = t * mix.size() / clients;
            String name = "catalog-client-" + t;
            threads.add(
                    Thread.ofPlatform()
                            .name(name)
                            .start(() -> client(mix, first, from, end, failed, latencies, SENT)));
        }
        sleepUntil(from);
        String before = metrics(control, curator);
        sleepUntil(end);
        String after = metrics(control, curator);
        for (Thread thread : threads) {
            thread.join();
        }
        renew.interrupt();
        double seconds = (System.nanoTime() - start) / 1e9;
        // for the CPU per request: everything sent from the first request of the warm-up on
        System.out.printf(
                Locale.ROOT,
                "SENT requests=%d seconds=%.1f client_cpu_seconds=%.1f hub_cpu_seconds=%s%n",
                SENT.sum(),
                seconds,
                (processCpuNanos() - cpuBefore) / 1e9,
                hubBefore < 0
                        ? "?"
                        : String.format(Locale.ROOT, "%.1f", hubCpuSeconds() - hubBefore));

        long[] all =
                latencies.values().stream()
                        .flatMap(List::stream)
                        .flatMapToLong(Arrays::stream)
                        .sorted()
                        .toArray();
        System.out.println(result("all", all, duration, failed));
        Map<String, long[]> byKind = new TreeMap<>();
        latencies.forEach(
                (key, parts) ->
                        byKind.put(
                                key,
                                parts.stream().flatMapToLong(Arrays::stream).sorted().toArray()));
        byKind.forEach(
                (key, values) -> System.out.println(result(key, values, duration, Map.of())));
        for (String metric :
                List.of(
                        "kihub_catalog_search_duration_seconds",
                        "kihub_catalog_search_wait_seconds",
                        "kihub_catalog_suggest_duration_seconds")) {
            System.out.println(inProcess(metric, before, after));
        }
    }

    static final LongAdder SENT = new LongAdder();

    /**
     * KIHUB_BENCH_SLOWEST=N: instead of the load, the mix one request at a time (no concurrency, so
     * a latency is the hub's service time), three passes, each request's fastest of the three;
     * prints the distribution per kind and the N costliest requests.
     */
    static void costliest(HttpClient http, List<Call> mix, int top)
            throws IOException, InterruptedException {
        long[] best = new long[mix.size()];
        Arrays.fill(best, Long.MAX_VALUE);
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < mix.size(); i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = send(http, mix.get(i));
                long t = System.nanoTime() - t0;
                if (r.statusCode() != 200) {
                    throw new IOException(mix.get(i).path + " answered " + r.statusCode());
                }
                best[i] = Math.min(best[i], t);
            }
        }
        Map<String, List<Long>> byKind = new TreeMap<>();
        for (int i = 0; i < mix.size(); i++) {
            byKind.computeIfAbsent(mix.get(i).kind, k -> new ArrayList<>()).add(best[i]);
        }
        byKind.put("all", Arrays.stream(best).boxed().toList());
        byKind.forEach(
                (kind, values) -> {
                    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
                    System.out.printf(
                            Locale.ROOT,
                            "SERVICE kind=%s n=%d mean=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f%n",
                            kind,
                            sorted.length,
                            Arrays.stream(sorted).average().orElse(0) / 1e6,
                            percentile(sorted, 50),
                            percentile(sorted, 90),
                            percentile(sorted, 99),
                            sorted[sorted.length - 1] / 1e6);
                });
        Integer[] order = new Integer[mix.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(best[b], best[a]));
        for (int k = 0; k < Math.min(top, order.length); k++) {
            Call c = mix.get(order[k]);
            System.out.printf(
                    Locale.ROOT,
                    "COSTLY ms=%.1f user=%s %s%n",
                    best[order[k]] / 1e6,
                    c.user == null ? "-" : c.user,
                    c.path);
        }
    }

    /** CPU time of this JVM so far (all threads), or 0 if the platform does not say. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime())
                : 0;
    }

    /**
     * CPU time of the hub's process (user + system, from /proc; its pid in KIHUB_BENCH_HUB_PID,
     * clock ticks per second in KIHUB_BENCH_CLK_TCK, default 100), or -1 without them.
     */
    static double hubCpuSeconds() {
        String pid = System.getenv("KIHUB_BENCH_HUB_PID");
        if (pid == null || pid.isBlank()) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid.strip(), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double hz =
                    Double.parseDouble(System.getenv().getOrDefault("KIHUB_BENCH_CLK_TCK", "100"));
            // fields 14 and 15 of /proc/<pid>/stat (utime, stime); f[0] is field 3
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / hz;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** One closed-loop client: its own HttpClient (one keep-alive connection), no think time. */
    static void client(
            List<Call> mix,
            int first,
            long from,
            long end,
            Map<String, Long> failed,
            Map<String, List<long[]>> latencies,
            LongAdder sent) {
        HttpClient http = BLOCKING ? null : client();
        Map<String, long[]> mine = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int i = first;
        while (true) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
                break;
            }
            Call call = mix.get(i);
            i = (i + 1) % mix.size();
            String failure = null;
            try {
                int status = BLOCKING ? sendBlocking(call) : send(http, call).statusCode();
                if (status != 200) {
                    failure = status + " " + call.kind;
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long t1 = System.nanoTime();
            sent.increment();
            if (failure != null) {
                failed.merge(failure, 1L, Long::sum);
            } else if (t0 >= from && t1 <= end) {
                long[] values = mine.computeIfAbsent(call.kind, k -> new long[1024]);
                int n = counts.getOrDefault(call.kind, 0);
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                    mine.put(call.kind, values);
                }
                values[n] = t1 - t0;
                counts.put(call.kind, n + 1);
            }
        }
        mine.forEach(
                (kind, values) ->
                        latencies
                                .computeIfAbsent(
                                        kind, k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(Arrays.copyOf(values, counts.get(kind))));
    }

    /**
     * The load threads' HTTP: java.net.HttpURLConnection (blocking I/O in the calling thread, the
     * JDK's keep-alive cache) unless KIHUB_BENCH_HTTP=httpclient asks for java.net.http.HttpClient
     * (a selector thread and an executor hand each response on: three thread wake-ups per request
     * on the two cores the hub runs on). See docs/benchmarks.md, fifth round.
     */
    static final boolean BLOCKING = !"httpclient".equals(System.getenv("KIHUB_BENCH_HTTP"));

    /** One request on this thread's kept-alive connection; the body is read to its end. */
    static int sendBlocking(Call call) throws IOException {
        java.net.HttpURLConnection c =
                (java.net.HttpURLConnection) URI.create(hub + call.path).toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        c.setRequestProperty("Accept", "application/json");
        if (call.user != null) {
            c.setRequestProperty("Authorization", "Bearer " + TOKENS.get(call.user).get());
        }
        int status = c.getResponseCode();
        // reading the body to its end hands the connection back to the keep-alive cache
        try (var body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (body != null) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return status;
    }

    static HttpResponse<String> send(HttpClient http, Call call)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(hub + call.path))
                        .timeout(Duration.ofSeconds(30))
                        .header(
                                "Accept",
                                call.kind.equals("metrics") ? "text/plain" : "application/json")
                        .GET();
        if (call.user != null) {
            b.header("Authorization", "Bearer " + TOKENS.get(call.user).get());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(HttpClient http, String user) throws IOException {
        String form =
                "grant_type=password&client_id=kihub-cli&username="
                        + enc(user)
                        + "&password="
                        + enc(user);
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    keycloak
                                                            + "/realms/kihub/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            Matcher m = TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IOException(
                        "no token for " + user + ": " + r.statusCode() + " " + r.body());
            }
            return m.group(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static String metrics(HttpClient http, String curator)
            throws IOException, InterruptedException {
        HttpResponse<String> r = send(http, new Call("metrics", "/api/v1/metrics", curator));
        if (r.statusCode() != 200) {
            throw new IOException("GET /api/v1/metrics answered " + r.statusCode());
        }
        return r.body();
    }

    // --- the mix -----------------------------------------------------------------------------

    static List<Call> mix(Random random, List<String> users, int size) {
        List<Call> mix = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            // half anonymous, half signed in as one of the municipal users
            String user = random.nextBoolean() ? null : users.get(random.nextInt(users.size()));
            if (random.nextInt(10) == 0) {
                mix.add(
                        new Call(
                                "suggest",
                                "/api/v1/catalog/suggest?q=" + enc(pick(random, SUGGEST)),
                                user));
                continue;
            }
            StringBuilder q = new StringBuilder("/api/v1/catalog/models?");
            String kind;
            int r = random.nextInt(100);
            String text =
                    r < 15
                            ? null
                            : r < 50
                                    ? pick(random, TEXT_DE)
                                    : r < 57
                                            ? pick(random, TEXT_UMLAUT)
                                            : r < 67
                                                    ? pick(random, TEXT_TYPO)
                                                    : r < 94
                                                            ? pick(random, TEXT_EN)
                                                            : pick(random, TEXT_SYNTAX);
            kind = text == null ? "browse" : "search";
            if (text != null) {
                q.append("q=").append(enc(text)).append('&');
            }
            int filters =
                    weighted(
                            random,
                            text == null ? new int[] {20, 50, 25, 5} : new int[] {50, 30, 15, 5});
            List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4));
            Collections.shuffle(kinds, random);
            for (int f = 0; f < filters; f++) {
                switch (kinds.get(f)) {
                    case 0 -> q.append("task=").append(enc(pick(random, TASKS))).append('&');
                    case 1 -> q.append("domain=").append(enc(pick(random, DOMAINS))).append('&');
                    case 2 -> q.append("license=").append(enc(pick(random, LICENSES))).append('&');
                    case 3 -> q.append("riskClass=").append(pick(random, RISK)).append('&');
                    default -> q.append("format=").append(pick(random, FORMATS)).append('&');
                }
            }
            if (filters > 0) {
                kind += "+filter";
            }
            int sort = weighted(random, new int[] {60, 20, 20});
            if (sort == 1) {
                q.append("sort=newest&");
            } else if (sort == 2) {
                q.append("sort=reuse&");
            }
            int page = 1 + weighted(random, new int[] {70, 20, 10});
            q.append("page=").append(page);
            mix.add(new Call(kind, q.toString(), user));
        }
        return mix;
    }

    static int weighted(Random random, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int x = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // --- results -----------------------------------------------------------------------------

    static String result(String what, long[] sorted, double duration, Map<String, Long> failed) {
        return String.format(
                Locale.ROOT,
                "RESULT kind=%s ok=%d rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f failed=%s",
                what,
                sorted.length,
                sorted.length / duration,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                failed.isEmpty() ? "none" : new TreeMap<>(failed).toString().replace(" ", "_"));
    }

    /** Nearest-rank percentile in milliseconds; 0 when nothing was measured. */
    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /**
     * The window's in-process percentiles from two snapshots of a cumulative Prometheus histogram.
     */
    static String inProcess(String metric, String before, String after) {
        Map<String, Long> a = buckets(metric, before);
        Map<String, Long> b = buckets(metric, after);
        List<String> bounds = new ArrayList<>(b.keySet());
        long[] cumulative = new long[bounds.size()];
        for (int i = 0; i < bounds.size(); i++) {
            cumulative[i] = b.get(bounds.get(i)) - a.getOrDefault(bounds.get(i), 0L);
        }
        long count = cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
        double sumBefore = sum(metric, before), sumAfter = sum(metric, after);
        return String.format(
                Locale.ROOT,
                "INPROCESS metric=%s count=%d mean_ms=%.2f p50_le_ms=%s p95_le_ms=%s p99_le_ms=%s",
                metric,
                count,
                count == 0 ? 0 : (sumAfter - sumBefore) * 1000 / count,
                bound(bounds, cumulative, count, 50),
                bound(bounds, cumulative, count, 95),
                bound(bounds, cumulative, count, 99));
    }

    static String bound(List<String> bounds, long[] cumulative, long count, int p) {
        if (count == 0) {
            return "-";
        }
        long rank = (long) Math.ceil(p / 100.0 * count);
        for (int i = 0; i < bounds.size(); i++) {
            if (cumulative[i] >= rank) {
                String le = bounds.get(i);
                return le.equals("+Inf") ? ">" + ms(bounds.get(i - 1)) : ms(le);
            }
        }
        return "?";
    }

    static String ms(String seconds) {
        return String.format(Locale.ROOT, "%s", Double.parseDouble(seconds) * 1000)
                .replaceAll("\\.0$", "");
    }

    static Map<String, Long> buckets(String metric, String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher m =
                Pattern.compile("(?m)^" + metric + "_bucket\\{le=\"([^\"]+)\"\\} (\\d+)")
                        .matcher(text);
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return out;
    }

    static double sum(String metric, String text) {
        Matcher m = Pattern.compile("(?m)^" + metric + "_sum ([0-9.eE+-]+)").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }
}
