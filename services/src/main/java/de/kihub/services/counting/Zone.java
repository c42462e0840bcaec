package de.kihub.services.counting;

import de.kihub.registry.error.InvalidRequestException;
import java.util.List;

/** An area of the image whose occupancy is counted: the people whose foot point lies inside. */
public record Zone(String name, List<Point> polygon) {

    public Zone {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("A zone needs a name.");
        }
        polygon = Geometry.polygon(polygon, "Zone '" + name + "'");
    }

    public boolean contains(Point p) {
        return Geometry.inside(polygon, p);
    }

    /** How many of these tracks stand in the zone. */
    public int occupancy(List<TrackedObject> tracks) {
        return (int) tracks.stream().filter(t -> contains(t.box().footPoint())).count();
    }
}
