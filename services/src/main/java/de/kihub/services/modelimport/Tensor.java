package de.kihub.services.modelimport;

import java.util.Arrays;

/**
 * A constant tensor held in memory: floats for {@link DataType#FLOAT}, longs for the integer and
 * boolean types. Instances are never modified after construction, and the arrays are shared rather
 * than copied because weights can be large; nobody in this package writes to them.
 */
final class Tensor {
    private final DataType type;
    private final long[] shape;
    private final float[] floats;
    private final long[] longs;

    private Tensor(DataType type, long[] shape, float[] floats, long[] longs) {
        this.type = type;
        this.shape = shape.clone();
        this.floats = floats;
        this.longs = longs;
        int length = type == DataType.FLOAT ? floats.length : longs.length;
        if (length != Shapes.elementCount(shape)) {
            throw new IllegalArgumentException(
                    length + " values do not fill shape " + Arrays.toString(shape));
        }
    }

    static Tensor ofFloats(long[] shape, float[] values) {
        return new Tensor(DataType.FLOAT, shape, values, null);
    }

    /** Integer or boolean values (booleans as 0 and 1). */
    static Tensor ofLongs(DataType type, long[] shape, long[] values) {
        if (type == DataType.FLOAT) {
            throw new IllegalArgumentException("float values belong in ofFloats");
        }
        return new Tensor(type, shape, null, values);
    }

    static Tensor int64Vector(long... values) {
        return ofLongs(DataType.INT64, new long[] {values.length}, values);
    }

    static Tensor floatScalar(float value) {
        return ofFloats(new long[0], new float[] {value});
    }

    DataType type() {
        return type;
    }

    long[] shape() {
        return shape.clone();
    }

    int rank() {
        return shape.length;
    }

    int size() {
        return type == DataType.FLOAT ? floats.length : longs.length;
    }

    /** The float values; only for {@link DataType#FLOAT}. Callers must not modify the array. */
    float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("a " + type + " tensor has no float values");
        }
        return floats;
    }

    /** The integer or boolean values. Callers must not modify the array. */
    long[] longs() {
        if (longs == null) {
            throw new IllegalStateException("a " + type + " tensor has no integer values");
        }
        return longs;
    }

    /** The same values under another shape with as many elements. */
    Tensor reshaped(long[] newShape) {
        return new Tensor(type, newShape, floats, longs);
    }

    /** The same integer values as another integer type (tfjs stores int64 constants as int32). */
    Tensor asIntegerType(DataType integerType) {
        if (!type.isInteger() || !integerType.isInteger()) {
            throw new IllegalStateException("cannot retype " + type + " as " + integerType);
        }
        return new Tensor(integerType, shape, null, longs);
    }
}
