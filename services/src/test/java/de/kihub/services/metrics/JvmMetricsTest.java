package de.kihub.services.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JvmMetricsTest {

    @Test
    void readsResidentMemoryFromProcStatus() {
        List<String> status =
                List.of(
                        "Name:\tjava",
                        "VmPeak:\t 9000000 kB",
                        "VmRSS:\t  524288 kB",
                        "Threads:\t42");
        assertEquals(OptionalLong.of(524288L * 1024), JvmMetrics.vmRssBytes(status));
    }

    @Test
    void aStatusWithoutResidentMemoryGivesNothing() {
        assertEquals(OptionalLong.empty(), JvmMetrics.vmRssBytes(List.of("Name:\tjava")));
        assertEquals(OptionalLong.empty(), JvmMetrics.vmRssBytes(List.of("VmRSS:\tlots kB")));
    }

    @Test
    void writesMemoryThreadsCollectorsAndUptime() {
        PrometheusText out = new PrometheusText();
        new JvmMetrics().writePrometheus(out);
        String text = out.text();
        for (String expected :
                List.of(
                        "# TYPE jvm_memory_bytes_used gauge\n",
                        "jvm_memory_bytes_used{area=\"heap\"} ",
                        "jvm_memory_bytes_committed{area=\"nonheap\"} ",
                        "jvm_threads_current ",
                        "# TYPE jvm_gc_collections_total counter\n",
                        "jvm_gc_collection_seconds_total{gc=\"",
                        "process_uptime_seconds ",
                        "process_start_time_seconds ")) {
            assertTrue(text.contains(expected), "missing " + expected + " in\n" + text);
        }
        if (JvmMetrics.residentBytes().isPresent()) {
            assertTrue(text.contains("process_resident_memory_bytes "), text);
        }
    }
}
