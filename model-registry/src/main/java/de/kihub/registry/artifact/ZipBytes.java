package de.kihub.registry.artifact;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** Random read access to a zip's bytes: a file on disk, or the kept tail of a nested zip. */
interface ZipBytes {

    long size();

    /** Exactly {@code length} bytes from {@code position}, little-endian as zip numbers are. */
    ByteBuffer read(long position, int length) throws IOException, MalformedException;

    static ZipBytes of(FileChannel channel) throws IOException {
        return new OfChannel(channel, channel.size());
    }

    /** The last {@code tail.length} bytes of a zip of {@code size} bytes. */
    static ZipBytes ofTail(byte[] tail, long size) {
        return new OfTail(tail, size - tail.length, size);
    }

    private static void checkRange(long position, int length, long size) throws MalformedException {
        if (position < 0 || length < 0 || position > size - length) {
            throw new MalformedException("refers to bytes beyond its end");
        }
    }

    record OfChannel(FileChannel channel, long size) implements ZipBytes {
        @Override
        public ByteBuffer read(long position, int length) throws IOException, MalformedException {
            checkRange(position, length, size);
            ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new EOFException("The file shrank while it was inspected");
                }
            }
            return buffer.flip();
        }
    }

    record OfTail(byte[] tail, long base, long size) implements ZipBytes {
        @Override
        public ByteBuffer read(long position, int length) throws MalformedException {
            checkRange(position, length, size);
            if (position < base) {
                throw new MalformedException(
                        "has a central directory larger than the last "
                                + tail.length
                                + " bytes that are checked");
            }
            return ByteBuffer.wrap(tail, (int) (position - base), length)
                    .slice()
                    .order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
