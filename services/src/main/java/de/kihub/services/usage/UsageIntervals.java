package de.kihub.services.usage;

import de.kihub.registry.tenant.TenantId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usage in memory: per deployment, the clock-aligned intervals not yet stored and the totals since
 * the server started (for metrics, which count up). Each deployment has its own lock, held only to
 * add one request, so requests to different deployments never wait for each other.
 */
final class UsageIntervals {
    /** An interval of one deployment taken out to be stored. */
    record Pending(UUID deployment, IntervalCounts counts) {}

    /** A deployment's totals since start-up. */
    record Running(UUID deployment, TenantId tenant, IntervalCounts counts) {}

    private final InstantSource clock;
    private final int seconds;
    private final Instant started;
    private final ConcurrentHashMap<UUID, Meter> meters = new ConcurrentHashMap<>();

    UsageIntervals(InstantSource clock, int intervalSeconds) {
        if (intervalSeconds < 1 || intervalSeconds > 86_400) {
            throw new IllegalArgumentException(
                    "The usage interval must be 1 to 86400 seconds, not " + intervalSeconds);
        }
        this.clock = clock;
        this.seconds = intervalSeconds;
        this.started = clock.instant();
    }

    int intervalSeconds() {
        return seconds;
    }

    /** The start of the interval holding {@code t}: intervals are aligned to the epoch. */
    Instant intervalStart(Instant t) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }

    void record(UUID deployment, TenantId tenant, Outcome outcome, long latencyNanos) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(outcome, "outcome");
        Instant start = intervalStart(clock.instant());
        Meter meter = meter(deployment);
        synchronized (meter) {
            meter.tenant = tenant;
            meter.unflushed
                    .computeIfAbsent(start, s -> new IntervalCounts(s, seconds))
                    .add(outcome, latencyNanos);
            meter.sinceStart.add(outcome, latencyNanos);
        }
    }

    /** Removes and returns the intervals that have ended. */
    List<Pending> takeFinished() {
        return take(clock.instant());
    }

    /** Removes and returns every interval, the open ones too (at shutdown). */
    List<Pending> takeAll() {
        return take(Instant.MAX);
    }

    private List<Pending> take(Instant now) {
        List<Pending> taken = new ArrayList<>();
        meters.forEach(
                (deployment, meter) -> {
                    synchronized (meter) {
                        Iterator<IntervalCounts> it = meter.unflushed.values().iterator();
                        while (it.hasNext()) {
                            IntervalCounts counts = it.next();
                            if (now == Instant.MAX || !counts.end().isAfter(now)) {
                                taken.add(new Pending(deployment, counts));
                                it.remove();
                            }
                        }
                    }
                });
        return taken;
    }

    /** Puts back intervals that could not be stored, so that the next flush tries again. */
    void restore(List<Pending> pending) {
        for (Pending p : pending) {
            Meter meter = meter(p.deployment());
            synchronized (meter) {
                meter.unflushed.merge(
                        p.counts().start,
                        p.counts(),
                        (mine, back) -> {
                            mine.merge(back);
                            return mine;
                        });
            }
        }
    }

    /** Copies of a deployment's intervals that are not stored yet, oldest first. */
    List<IntervalCounts> unflushed(UUID deployment) {
        Meter meter = meters.get(deployment);
        if (meter == null) {
            return List.of();
        }
        synchronized (meter) {
            return meter.unflushed.values().stream().map(IntervalCounts::copy).toList();
        }
    }

    /** Copies of every deployment's totals since start-up. */
    List<Running> running() {
        List<Running> all = new ArrayList<>();
        meters.forEach(
                (deployment, meter) -> {
                    synchronized (meter) {
                        if (meter.tenant != null) {
                            all.add(new Running(deployment, meter.tenant, meter.sinceStart.copy()));
                        }
                    }
                });
        return all;
    }

    private Meter meter(UUID deployment) {
        return meters.computeIfAbsent(deployment, d -> new Meter(new IntervalCounts(started, 0)));
    }

    /** One deployment's state; guarded by its own monitor. */
    private static final class Meter {
        TenantId tenant;
        final TreeMap<Instant, IntervalCounts> unflushed = new TreeMap<>();
        final IntervalCounts sinceStart;

        Meter(IntervalCounts sinceStart) {
            this.sinceStart = sinceStart;
        }
    }
}
