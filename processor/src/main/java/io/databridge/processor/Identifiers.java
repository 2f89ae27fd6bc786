package io.databridge.processor;

import org.jspecify.annotations.Nullable;

/**
 * The identifier rule of {@code io.databridge.internal.sql.Identifiers}, restated because the processor cannot depend on core:
 * {@code [A-Za-z_][A-Za-z0-9_$]*}, at most 63 characters. Keep both in step (core's tests pin the same messages).
 */
final class Identifiers {

    static final int MAX_LENGTH = 63;

    private Identifiers() {}

    /** The problem with a name, in the runtime's words, or {@code null} when it is valid. */
    static @Nullable String problem(String name, String what) {
        if (name.isEmpty()) {
            return what + " must not be empty";
        }
        if (name.length() > MAX_LENGTH) {
            return what + " '" + name + "' is " + name.length() + " characters long; PostgreSQL allows at most "
                    + MAX_LENGTH + ": choose a shorter name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean allowed = letter || (i > 0 && ((c >= '0' && c <= '9') || c == '$'));
            if (!allowed) {
                return what + " '" + name + "' has an invalid character at position " + (i + 1)
                        + ": identifiers must match [A-Za-z_][A-Za-z0-9_$]*";
            }
        }
        return null;
    }
}
