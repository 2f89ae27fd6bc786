package io.databridge.internal.bulk;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;

/**
 * Encodes rows of {@code COPY ... FROM STDIN} text format straight into UTF-8 bytes and hands them to the driver in
 * blocks, so a bulk load neither builds a {@code String} per value nor copies its text twice (through a {@code
 * StringBuilder}, then {@code getBytes}). Values: {@code \N} for NULL; backslash, tab, newline and carriage return
 * escaped; integral numbers written digit by digit; booleans as {@code t}/{@code f}. One instance per COPY; not
 * thread-safe.
 */
final class CopyTextBuffer {

    private static final int CAPACITY = 64 * 1024;

    /** Room for the longest single write: a 4-byte character, an escape, or the 20 characters of a long. */
    private static final int MARGIN = 24;

    private final CopyIn copy;
    private final byte[] bytes = new byte[CAPACITY];
    private int length;

    CopyTextBuffer(CopyIn copy) {
        this.copy = copy;
    }

    /** Appends one value of a typed column: an integral number, a boolean, a string, or another value's text. */
    void value(@Nullable Object value) throws SQLException {
        if (value == null) {
            text(null);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            integral(((Number) value).longValue());
        } else if (value instanceof Boolean flag) {
            room();
            bytes[length++] = (byte) (flag ? 't' : 'f');
        } else {
            text(value.toString());
        }
    }

    /** Appends an integral number. */
    void integral(long value) throws SQLException {
        room();
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        long rest = value;
        if (rest < 0) {
            bytes[length++] = '-';
            rest = -rest;
        }
        int end = length + digits(rest);
        length = end;
        do {
            bytes[--end] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
    }

    private static int digits(long value) {
        int digits = 1;
        for (long limit = 10; digits < 19 && value >= limit; limit *= 10) {
            digits++;
        }
        return digits;
    }

    /** Appends a text value, escaped, or {@code \N} for {@code null}. */
    void text(@Nullable String value) throws SQLException {
        if (value == null) {
            ascii("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            if (length > CAPACITY - MARGIN) {
                flush();
            }
            char ch = value.charAt(i);
            if (ch < 0x80) {
                switch (ch) {
                    case '\\' -> escape('\\');
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    default -> bytes[length++] = (byte) ch;
                }
            } else {
                length = Utf8.write(value, i, bytes, length);
                if (Utf8.pair(value, i)) {
                    i++;
                }
            }
        }
    }

    private void escape(char code) {
        bytes[length++] = '\\';
        bytes[length++] = (byte) code;
    }

    /** Ends a value: the next one starts a new column. */
    void tab() throws SQLException {
        room();
        bytes[length++] = '\t';
    }

    /** Ends a row. */
    void endRow() throws SQLException {
        room();
        bytes[length++] = '\n';
    }

    private void ascii(String text) throws SQLException {
        for (int i = 0; i < text.length(); i++) {
            room();
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    private void room() throws SQLException {
        if (length > CAPACITY - MARGIN) {
            flush();
        }
    }

    /** Hands the buffered bytes to the driver. */
    void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(bytes, 0, length);
            length = 0;
        }
    }
}
