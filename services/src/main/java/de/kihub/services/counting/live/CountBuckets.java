package de.kihub.services.counting.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Regroups stored intervals (of one or several cameras) into buckets of a chosen length, aligned to
 * the epoch like the intervals themselves: frames and crossings add up, the mean count is weighted
 * by frames, maxima and zone peaks take the largest value.
 */
final class CountBuckets {
    private CountBuckets() {}

    static List<CountingApi.Interval> regroup(List<CountingApi.Interval> rows, Duration size) {
        long millis = size.toMillis();
        TreeMap<Long, Bucket> buckets = new TreeMap<>();
        for (CountingApi.Interval row : rows) {
            long start = Math.floorDiv(row.start().toEpochMilli(), millis) * millis;
            buckets.computeIfAbsent(start, s -> new Bucket()).add(row);
        }
        List<CountingApi.Interval> out = new ArrayList<>(buckets.size());
        buckets.forEach((start, b) -> out.add(b.toInterval(Instant.ofEpochMilli(start), size)));
        return out;
    }

    /** Crossings per line over all rows, lines in order of first appearance. */
    static List<CountingApi.LineTotal> lineTotals(List<CountingApi.Interval> rows) {
        Bucket all = new Bucket();
        rows.forEach(all::add);
        return all.lines();
    }

    private static final class Bucket {
        int frames;
        double countSum;
        int max;
        final Map<String, int[]> lines = new LinkedHashMap<>();
        final Map<String, Integer> zones = new LinkedHashMap<>();

        void add(CountingApi.Interval row) {
            frames += row.frames();
            countSum += row.meanCount() * row.frames();
            max = Math.max(max, row.maxCount());
            for (CountingApi.LineTotal l : row.lines()) {
                int[] t = lines.computeIfAbsent(l.name(), n -> new int[2]);
                t[0] += l.in();
                t[1] += l.out();
            }
            for (CountingApi.ZoneState z : row.peakOccupancy()) {
                zones.merge(z.name(), z.occupancy(), Math::max);
            }
        }

        List<CountingApi.LineTotal> lines() {
            return lines.entrySet().stream()
                    .map(
                            e ->
                                    new CountingApi.LineTotal(
                                            e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .toList();
        }

        CountingApi.Interval toInterval(Instant start, Duration size) {
            double mean = frames == 0 ? 0 : Math.round(countSum / frames * 1000) / 1000.0;
            return new CountingApi.Interval(
                    start,
                    (int) size.toSeconds(),
                    frames,
                    mean,
                    max,
                    lines(),
                    zones.entrySet().stream()
                            .map(e -> new CountingApi.ZoneState(e.getKey(), e.getValue()))
                            .toList());
        }
    }
}
