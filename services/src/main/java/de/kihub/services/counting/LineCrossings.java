package de.kihub.services.counting;

/** How many people crossed one counting line in each direction (see {@link CountingLine}). */
public record LineCrossings(String line, int in, int out) {

    LineCrossings plus(LineCrossings other) {
        return new LineCrossings(line, in + other.in, out + other.out);
    }
}
