package io.databridge.internal.relation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses what the JSON fetch strategy selects: {@code jsonb} text made of arrays, strings and {@code null} only (every
 * column value is cast to its text form in the statement, so no number, boolean or object ever appears). Arrays become
 * {@code List}, strings {@code String}. Stateless.
 */
final class JsonArrays {

    private final String text;
    private int at;

    private JsonArrays(String text) {
        this.text = text;
    }

    /** The value of {@code text}: a {@code List}, a {@code String}, or {@code null} for SQL or JSON null. */
    static @Nullable Object parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        JsonArrays parser = new JsonArrays(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.at != text.length()) {
            throw parser.unexpected();
        }
        return value;
    }

    private @Nullable Object value() {
        skipSpace();
        if (at >= text.length()) {
            throw unexpected();
        }
        char c = text.charAt(at);
        if (c == '[') {
            at++;
            List<@Nullable Object> list = new ArrayList<>();
            skipSpace();
            if (at < text.length() && text.charAt(at) == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (at >= text.length()) {
                    throw unexpected();
                }
                char next = text.charAt(at++);
                if (next == ']') {
                    return list;
                }
                if (next != ',') {
                    throw unexpected();
                }
            }
        }
        if (c == '"') {
            return string();
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        throw unexpected();
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(escaped);
            }
        }
        throw unexpected();
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalStateException unexpected() {
        return new IllegalStateException("Unexpected JSON at offset " + at + " of a fetched relation");
    }
}
