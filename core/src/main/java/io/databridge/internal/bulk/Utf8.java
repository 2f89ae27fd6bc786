package io.databridge.internal.bulk;

/**
 * UTF-8 encoding of the characters of a COPY's values straight into its buffer, as {@code String.getBytes} encodes
 * them (an unpaired surrogate becomes {@code ?}), without a {@code byte[]} per value.
 */
final class Utf8 {

    private Utf8() {}

    /** The number of UTF-8 bytes of {@code value}. */
    static int length(String value) {
        int size = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x80) {
                size++;
            } else if (ch < 0x800) {
                size += 2;
            } else if (pair(value, i)) {
                size += 4;
                i++;
            } else if (Character.isSurrogate(ch)) {
                size++;
            } else {
                size += 3;
            }
        }
        return size;
    }

    /** Whether the character at {@code i} starts a surrogate pair (so the encoding takes two characters). */
    static boolean pair(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i))
                && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
    }

    /**
     * Writes the non-ASCII character at {@code i} (with the next one when {@link #pair}) at {@code at}; the buffer
     * must have room for 4 bytes.
     *
     * @return the position after the bytes written
     */
    static int write(String value, int i, byte[] bytes, int at) {
        char ch = value.charAt(i);
        int end = at;
        if (ch < 0x800) {
            bytes[end++] = (byte) (0xc0 | (ch >> 6));
            bytes[end++] = (byte) (0x80 | (ch & 0x3f));
        } else if (pair(value, i)) {
            int code = Character.toCodePoint(ch, value.charAt(i + 1));
            bytes[end++] = (byte) (0xf0 | (code >> 18));
            bytes[end++] = (byte) (0x80 | ((code >> 12) & 0x3f));
            bytes[end++] = (byte) (0x80 | ((code >> 6) & 0x3f));
            bytes[end++] = (byte) (0x80 | (code & 0x3f));
        } else if (Character.isSurrogate(ch)) {
            bytes[end++] = '?';
        } else {
            bytes[end++] = (byte) (0xe0 | (ch >> 12));
            bytes[end++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
            bytes[end++] = (byte) (0x80 | (ch & 0x3f));
        }
        return end;
    }
}
