package de.kihub.services.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The server process: heap and non-heap memory, threads, garbage collection per collector, resident
 * memory (on Linux) and uptime. Memory, thread and process names are those of the Prometheus Java
 * client (simpleclient_hotspot), so existing dashboards fit.
 */
@ApplicationScoped
public class JvmMetrics implements MetricsSource {
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    @Override
    public void writePrometheus(PrometheusText out) {
        var memory = ManagementFactory.getMemoryMXBean();
        memory(out, "heap", memory.getHeapMemoryUsage());
        memory(out, "nonheap", memory.getNonHeapMemoryUsage());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        out.gauge("jvm_threads_current", "Live threads.", Map.of(), threads.getThreadCount());
        out.gauge(
                "jvm_threads_daemon",
                "Live daemon threads.",
                Map.of(),
                threads.getDaemonThreadCount());
        out.gauge(
                "jvm_threads_peak",
                "Most live threads since start.",
                Map.of(),
                threads.getPeakThreadCount());

        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            var labels = PrometheusText.labels("gc", gc.getName());
            if (gc.getCollectionCount() >= 0) {
                out.counter(
                        "jvm_gc_collections",
                        "Collections by this collector.",
                        labels,
                        gc.getCollectionCount());
            }
            if (gc.getCollectionTime() >= 0) {
                out.counter(
                        "jvm_gc_collection_seconds",
                        "Time spent in collections by this collector (approximate elapsed time).",
                        labels,
                        gc.getCollectionTime() / 1e3);
            }
        }

        residentBytes()
                .ifPresent(
                        rss ->
                                out.gauge(
                                        "process_resident_memory_bytes",
                                        "Resident memory of the server process (VmRSS).",
                                        Map.of(),
                                        rss));
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        out.gauge(
                "process_uptime_seconds",
                "Seconds since the JVM started.",
                Map.of(),
                runtime.getUptime() / 1e3);
        out.gauge(
                "process_start_time_seconds",
                "Start of the JVM, in seconds since the Unix epoch.",
                Map.of(),
                runtime.getStartTime() / 1e3);
    }

    private static void memory(PrometheusText out, String area, MemoryUsage usage) {
        var labels = PrometheusText.labels("area", area);
        out.gauge("jvm_memory_bytes_used", "Memory in use, by area.", labels, usage.getUsed());
        out.gauge(
                "jvm_memory_bytes_committed",
                "Memory the JVM has reserved from the system, by area.",
                labels,
                usage.getCommitted());
        if (usage.getMax() >= 0) {
            out.gauge(
                    "jvm_memory_bytes_max",
                    "Most memory the area may use.",
                    labels,
                    usage.getMax());
        }
    }

    /** VmRSS from /proc/self/status, or empty where there is no such file (not Linux). */
    static OptionalLong residentBytes() {
        if (!Files.isReadable(PROC_STATUS)) {
            return OptionalLong.empty();
        }
        try {
            return vmRssBytes(Files.readAllLines(PROC_STATUS, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Parses the {@code VmRSS: 123456 kB} line of a /proc status file. */
    static OptionalLong vmRssBytes(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) {
                    try {
                        return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                    } catch (NumberFormatException e) {
                        return OptionalLong.empty();
                    }
                }
            }
        }
        return OptionalLong.empty();
    }
}
