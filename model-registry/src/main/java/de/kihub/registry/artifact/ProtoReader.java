package de.kihub.registry.artifact;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Walks the protobuf wire format of one message field by field without decoding it, refusing what a
 * protobuf parser would refuse. Payloads are skipped, so a 2 GiB model is never held in memory.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    /** Length of a message that ends where its stream ends. */
    static final long UNTIL_END_OF_STREAM = -1;

    private static final long MAX_TAG = 0xFFFF_FFFFL;

    private final InputStream in;
    private final long start;
    private final long length;
    private long position;
    private int field;
    private int wireType;

    /** Reads a message of {@code length} bytes, or up to end of stream, from {@code in}. */
    ProtoReader(InputStream in, long length) {
        this(in, 0, length);
    }

    private ProtoReader(InputStream in, long start, long length) {
        this.in = in;
        this.start = start;
        this.length = length;
    }

    /** Moves to the next field; {@code false} at the end of the message. */
    boolean next() throws IOException, MalformedException {
        long at = start + position;
        long tag;
        if (length == UNTIL_END_OF_STREAM) {
            int first = in.read();
            if (first < 0) {
                return false;
            }
            position++;
            tag = varint(first);
        } else if (position == length) {
            return false;
        } else {
            tag = varint(readByte());
        }
        if (tag > MAX_TAG) {
            throw new MalformedException("has a field tag at byte " + at + " that is out of range");
        }
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field == 0) {
            throw new MalformedException("has field number 0 at byte " + at);
        }
        if (wireType != VARINT
                && wireType != FIXED64
                && wireType != LENGTH_DELIMITED
                && wireType != FIXED32) {
            throw new MalformedException(
                    "has field "
                            + field
                            + " at byte "
                            + at
                            + " with invalid wire type "
                            + wireType);
        }
        return true;
    }

    int field() {
        return field;
    }

    boolean isEmpty() {
        return length == 0;
    }

    void expect(int expectedWireType, String name) throws MalformedException {
        if (wireType != expectedWireType) {
            throw new MalformedException(
                    "has "
                            + name
                            + " (field "
                            + field
                            + ") with wire type "
                            + wireType
                            + " instead of "
                            + expectedWireType);
        }
    }

    long varint() throws IOException, MalformedException {
        return varint(readByte());
    }

    /**
     * The current length-delimited field as a message of its own. Walk it to its end before calling
     * {@link #next()} here again: both read the same stream.
     */
    ProtoReader message() throws IOException, MalformedException {
        long size = payloadLength();
        ProtoReader nested = new ProtoReader(in, start + position, size);
        position += size;
        return nested;
    }

    /** Skips the current field's value. */
    void skipValue() throws IOException, MalformedException {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> skip(8);
            case FIXED32 -> skip(4);
            default -> skip(payloadLength());
        }
    }

    private long payloadLength() throws IOException, MalformedException {
        long at = start + position;
        long size = varint();
        if (size < 0 || (length != UNTIL_END_OF_STREAM && size > length - position)) {
            throw truncated(
                    "field "
                            + field
                            + " at byte "
                            + at
                            + " declares "
                            + Long.toUnsignedString(size)
                            + " bytes, more than remain");
        }
        return size;
    }

    private void skip(long n) throws IOException, MalformedException {
        if (length != UNTIL_END_OF_STREAM && n > length - position) {
            throw truncated("field " + field + " runs past byte " + (start + length));
        }
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw truncated("field " + field + " runs past the end of the file");
        }
        position += n;
    }

    private long varint(int firstByte) throws IOException, MalformedException {
        long value = firstByte & 0x7F;
        int b = firstByte;
        for (int shift = 7; (b & 0x80) != 0; shift += 7) {
            if (shift > 63) {
                throw new MalformedException(
                        "has a varint longer than 10 bytes at byte " + (start + position));
            }
            b = readByte();
            value |= (long) (b & 0x7F) << shift;
        }
        return value;
    }

    private int readByte() throws IOException, MalformedException {
        if (length != UNTIL_END_OF_STREAM && position >= length) {
            throw truncated("a value runs past byte " + (start + length));
        }
        int b = in.read();
        if (b < 0) {
            throw truncated("the data ends in the middle of a value at byte " + (start + position));
        }
        position++;
        return b;
    }

    private static MalformedException truncated(String what) {
        return new MalformedException("is truncated or corrupt: " + what);
    }
}
