package io.databridge.internal.rules;

import org.jspecify.annotations.Nullable;

/**
 * What a SQL identifier data-bridge accepts looks like: {@code [A-Za-z_][A-Za-z0-9_$]*}, at most {@value #MAX_LENGTH}
 * characters (PostgreSQL's limit; longer names would be silently truncated). Core's {@code Identifiers} throws with
 * this problem text, the processor reports it on the element. Stateless.
 */
public final class IdentifierRule {

    /** PostgreSQL's maximum identifier length in bytes ({@code NAMEDATALEN - 1}). */
    public static final int MAX_LENGTH = 63;

    private IdentifierRule() {}

    /**
     * The problem with a name, or {@code null} when it is valid.
     *
     * @param name the identifier
     * @param what what the identifier names, for the message (e.g. {@code "table name"})
     * @return the problem, e.g. {@code table name 'a-b' has an invalid character at position 2: ...}, or {@code null}
     */
    public static @Nullable String problem(String name, String what) {
        if (name.isEmpty()) {
            return what + " must not be empty";
        }
        if (name.length() > MAX_LENGTH) {
            return what + " '" + printable(name) + "' is " + name.length()
                    + " characters long; PostgreSQL allows at most " + MAX_LENGTH + ": choose a shorter name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean allowed = letter || (i > 0 && ((c >= '0' && c <= '9') || c == '$'));
            if (!allowed) {
                return what + " '" + printable(name) + "' has an invalid character at position " + (i + 1)
                        + ": identifiers must match [A-Za-z_][A-Za-z0-9_$]*";
            }
        }
        return null;
    }

    /** The name as a message may show it: control characters as {@code ?}, at most 80 characters. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), 80));
        for (int i = 0; i < name.length() && i < 80; i++) {
            char c = name.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return name.length() > 80 ? out.append("...").toString() : out.toString();
    }
}
