package io.databridge.internal.bulk;

import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Encodes rows of {@code COPY ... FROM STDIN (FORMAT binary)} into blocks handed to the driver: the signature, each
 * row's field count, each field's length and the bytes of the column type's binary form (big-endian), and the
 * trailer. What each field's bytes are is {@link BinaryField}'s concern. One instance per COPY; not thread-safe.
 */
final class CopyBinaryBuffer {

    private static final int CAPACITY = 64 * 1024;

    /** Room for the largest fixed-size write: a field length and a uuid. */
    private static final int MARGIN = 32;

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final CopyIn copy;
    private final byte[] bytes = new byte[CAPACITY];
    private int length;

    CopyBinaryBuffer(CopyIn copy) {
        this.copy = copy;
        System.arraycopy(SIGNATURE, 0, bytes, 0, SIGNATURE.length);
        length = SIGNATURE.length;
        putInt(0); // flags: no OIDs
        putInt(0); // no header extension
    }

    /** Starts a row of {@code fields} fields. */
    void row(int fields) throws SQLException {
        room();
        putShort(fields);
    }

    /** A NULL field. */
    void nul() throws SQLException {
        room();
        putInt(-1);
    }

    void int2(short value) throws SQLException {
        room();
        putInt(2);
        putShort(value);
    }

    void int4(int value) throws SQLException {
        room();
        putInt(4);
        putInt(value);
    }

    void int8(long value) throws SQLException {
        room();
        putInt(8);
        putLong(value);
    }

    void bool(boolean value) throws SQLException {
        room();
        putInt(1);
        bytes[length++] = (byte) (value ? 1 : 0);
    }

    /** A uuid: its 16 bytes, most significant first. */
    void uuid(long mostSignificant, long leastSignificant) throws SQLException {
        room();
        putInt(16);
        putLong(mostSignificant);
        putLong(leastSignificant);
    }

    /**
     * A {@code numeric} in PostgreSQL's binary form: digit count, weight and sign, display scale, then the base-10000
     * digits.
     */
    void numeric(short[] digits, int count, int weight, int sign, int scale) throws SQLException {
        room();
        putInt(8 + 2 * count);
        putShort(count);
        putShort(weight);
        putShort(sign);
        putShort(scale);
        for (int i = 0; i < count; i++) {
            room();
            putShort(digits[i]);
        }
    }

    /** Raw bytes, e.g. of a {@code bytea}. */
    void bytes(byte[] value) throws SQLException {
        room();
        putInt(value.length);
        put(value, 0, value.length);
    }

    /**
     * A text field in UTF-8, preceded by {@code prefix} when it is not negative (the format version byte {@code jsonb}
     * takes). An unpaired surrogate is written as {@code ?}, as {@code String.getBytes} writes it.
     */
    void text(String value, int prefix) throws SQLException {
        room();
        putInt((prefix < 0 ? 0 : 1) + Utf8.length(value));
        if (prefix >= 0) {
            bytes[length++] = (byte) prefix;
        }
        for (int i = 0; i < value.length(); i++) {
            if (length > CAPACITY - MARGIN) {
                flush();
            }
            char ch = value.charAt(i);
            if (ch < 0x80) {
                bytes[length++] = (byte) ch;
            } else {
                length = Utf8.write(value, i, bytes, length);
                if (Utf8.pair(value, i)) {
                    i++;
                }
            }
        }
    }

    /** Writes the trailer and hands the rest to the driver. */
    void finish() throws SQLException {
        room();
        putShort(-1);
        flush();
    }

    private void put(byte[] value, int offset, int count) throws SQLException {
        int from = offset;
        int left = count;
        while (left > 0) {
            if (length == CAPACITY) {
                flush();
            }
            int chunk = Math.min(left, CAPACITY - length);
            System.arraycopy(value, from, bytes, length, chunk);
            length += chunk;
            from += chunk;
            left -= chunk;
        }
    }

    private void putShort(int value) {
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    private void putInt(int value) {
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void room() throws SQLException {
        if (length > CAPACITY - MARGIN) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(bytes, 0, length);
            length = 0;
        }
    }
}
