package de.kihub.services.counting.live;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.services.counting.CountingLine;
import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.Point;
import de.kihub.services.counting.Zone;
import java.util.List;

/** Turns request bodies into the counting core's validated settings. */
final class CountingSpecs {
    static final int MAX_LINES = 20;
    static final int MAX_ZONES = 20;
    static final int MAX_POLYGON_POINTS = 100;

    private CountingSpecs() {}

    static DetectionSettings detection(Float threshold) {
        return detection(threshold, null, null);
    }

    static DetectionSettings detection(Float threshold, Double minBoxSize, List<double[]> roi) {
        DetectionSettings d = DetectionSettings.defaults();
        if (roi != null && roi.size() > MAX_POLYGON_POINTS) {
            throw new InvalidRequestException(
                    "A region of interest has at most " + MAX_POLYGON_POINTS + " points.");
        }
        return new DetectionSettings(
                threshold == null ? d.scoreThreshold() : threshold,
                d.nmsIou(),
                minBoxSize == null ? d.minBoxSize() : minBoxSize,
                roi == null ? d.roi() : roi.stream().map(CountingSpecs::point).toList());
    }

    static List<CountingLine> lines(List<CountingApi.LineSpec> specs) {
        if (specs == null) {
            return List.of();
        }
        if (specs.size() > MAX_LINES) {
            throw new InvalidRequestException("At most " + MAX_LINES + " counting lines.");
        }
        return specs.stream()
                .map(
                        l ->
                                new CountingLine(
                                        name(l == null ? null : l.name(), "line"),
                                        point(l.from()),
                                        point(l.to())))
                .toList();
    }

    static List<Zone> zones(List<CountingApi.ZoneSpec> specs) {
        if (specs == null) {
            return List.of();
        }
        if (specs.size() > MAX_ZONES) {
            throw new InvalidRequestException("At most " + MAX_ZONES + " zones.");
        }
        return specs.stream()
                .map(
                        z -> {
                            if (z == null
                                    || z.polygon() == null
                                    || z.polygon().size() > MAX_POLYGON_POINTS) {
                                throw new InvalidRequestException(
                                        "A zone needs a 'polygon' of 3 to "
                                                + MAX_POLYGON_POINTS
                                                + " points.");
                            }
                            return new Zone(
                                    name(z.name(), "zone"),
                                    z.polygon().stream().map(CountingSpecs::point).toList());
                        })
                .toList();
    }

    private static String name(String name, String what) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidRequestException(
                    "Every " + what + " needs a 'name' of 1 to 100 characters.");
        }
        return name.strip();
    }

    private static Point point(double[] xy) {
        if (xy == null || xy.length != 2 || !Double.isFinite(xy[0]) || !Double.isFinite(xy[1])) {
            throw new InvalidRequestException("A point is [x, y] in image pixels.");
        }
        return new Point(xy[0], xy[1]);
    }
}
