package de.kihub.services.modelimport;

import java.util.Arrays;
import java.util.StringJoiner;

/** Static shapes as {@code long[]}, where -1 marks a dimension only known at run time. */
final class Shapes {
    static final long UNKNOWN = -1;

    private Shapes() {}

    /** The number of elements of a fully known shape; fails on overflow past int range. */
    static int elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape " + format(shape) + " is not static");
            }
            count = Math.multiplyExact(count, dim);
            if (count > Integer.MAX_VALUE) {
                throw new ArithmeticException("shape " + format(shape) + " is too large");
            }
        }
        return (int) count;
    }

    static boolean isKnown(long[] shape) {
        return Arrays.stream(shape).allMatch(dim -> dim >= 0);
    }

    /**
     * NumPy-style broadcasting as in TensorFlow and ONNX; null when the shapes are incompatible.
     */
    static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] result = new long[rank];
        for (int i = 0; i < rank; i++) {
            long x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (x == y || y == 1) {
                result[i] = x;
            } else if (x == 1) {
                result[i] = y;
            } else if (x == UNKNOWN || y == UNKNOWN) {
                result[i] = Math.max(x, y);
            } else {
                return null;
            }
        }
        return result;
    }

    /** Normalises a possibly negative axis for the given rank; -1 when it is out of range. */
    static int axis(long axis, int rank) {
        long normalised = axis < 0 ? axis + rank : axis;
        return normalised >= 0 && normalised < rank ? (int) normalised : -1;
    }

    static String format(long[] shape) {
        StringJoiner text = new StringJoiner(", ", "[", "]");
        for (long dim : shape) {
            text.add(dim == UNKNOWN ? "?" : Long.toString(dim));
        }
        return text.toString();
    }
}
