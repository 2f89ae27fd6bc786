package io.databridge.internal.sql;

import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL {@code text} can hold: any Unicode string without U+0000. Java strings may also hold a lone UTF-16
 * surrogate (half of a pair, from a cut string or bad decoding), which has no UTF-8 form: the driver would silently send
 * {@code ?} in its place. Every string data-bridge binds or copies is checked here first, so such a value is refused
 * before any SQL runs instead of being changed. Stateless and thread-safe.
 */
public final class TextValues {

    private TextValues() {}

    /**
     * Checks that PostgreSQL can store a string unchanged.
     *
     * @param value the string
     * @throws IllegalArgumentException when it holds U+0000 or a lone surrogate; the message names the problem and
     *     its position, never the value
     */
    public static void check(String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Why PostgreSQL cannot store a string unchanged.
     *
     * @param value the string
     * @return the reason, with the fix, naming no part of the value; {@code null} when it can be stored
     */
    public static @Nullable String problem(String value) {
        for (int i = 0, length = value.length(); i < length; i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return "PostgreSQL text cannot contain the NUL character (\\u0000); remove it, or store the value as"
                        + " byte[] (bytea)";
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "PostgreSQL text cannot contain a lone UTF-16 surrogate (at index " + i + "): the string is not"
                        + " valid Unicode and would be stored with '?' in its place; repair it where it was cut or"
                        + " decoded";
            }
        }
        return null;
    }
}
