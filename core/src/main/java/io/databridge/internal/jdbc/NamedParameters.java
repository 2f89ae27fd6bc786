package io.databridge.internal.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns SQL with {@code :named} parameters into JDBC SQL with {@code ?} placeholders. Literals ({@code '...'}, {@code
 * E'...'}, dollar-quoted), quoted identifiers, comments and {@code ::} casts are left untouched. A bare {@code ?} is
 * rejected (write {@code ??} for PostgreSQL's jsonb {@code ?} operator). Immutable and thread-safe.
 *
 * @param sql the JDBC SQL text
 * @param placeholders the parameter name of each {@code ?}, in order (a name may repeat)
 * @param names the distinct names
 */
public record NamedParameters(String sql, List<String> placeholders, Set<String> names) {

    /** The most parameters the extended query protocol can bind: their count travels as a 16-bit integer. */
    static final int MAX_PARAMETERS = 65_535;

    public NamedParameters {
        placeholders = List.copyOf(placeholders);
        names = Set.copyOf(names);
    }

    /**
     * Parses SQL text.
     *
     * @param text the SQL with {@code :named} parameters
     * @return the parsed form
     * @throws IllegalArgumentException for blank text, a bare {@code ?}, or an unterminated literal or comment
     */
    public static NamedParameters parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("SQL text must not be blank");
        }
        StringBuilder out = new StringBuilder(text.length());
        List<String> placeholders = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            int end;
            if (c == '\'') {
                boolean escapes = i > 0
                        && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                        && !identifierPart(text, i - 2);
                end = quoted(text, i, '\'', escapes);
            } else if (c == '"') {
                end = quoted(text, i, '"', false);
            } else if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
                int newline = text.indexOf('\n', i);
                end = newline < 0 ? length : newline;
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                end = blockComment(text, i);
            } else if (c == '$' && !identifierPart(text, i - 1)) {
                end = dollarQuoted(text, i);
            } else if (c == ':' && i + 1 < length && text.charAt(i + 1) == ':') {
                end = i + 2;
            } else if (c == ':'
                    && i + 1 < length
                    && identifierStart(text.charAt(i + 1))
                    && !identifierPart(text, i - 1)) {
                int start = i + 1;
                end = start;
                while (end < length && identifierPart(text, end)) {
                    end++;
                }
                String name = text.substring(start, end);
                placeholders.add(name);
                names.add(name);
                out.append('?');
                i = end;
                continue;
            } else if (c == '?') {
                if (i + 1 < length && text.charAt(i + 1) == '?') {
                    end = i + 2;
                } else {
                    throw new IllegalArgumentException("SQL uses a '?' placeholder at position " + (i + 1)
                            + ": data-bridge binds :named parameters only; for PostgreSQL's jsonb ? operator write ??");
                }
            } else {
                end = i + 1;
            }
            out.append(text, i, end);
            i = end;
        }
        if (placeholders.size() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("SQL has " + placeholders.size() + " parameter placeholders but"
                    + " PostgreSQL binds at most 65,535 per statement; pass the values as one list parameter, which"
                    + " binds as a single array (WHERE id = ANY(:ids)), or split the statement");
        }
        return new NamedParameters(out.toString(), placeholders, names);
    }

    private static int quoted(String text, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException(
                "SQL has an unterminated " + (quote == '"' ? "quoted identifier" : "string" + " literal")
                        + " starting at position " + (start + 1));
    }

    private static int blockComment(String text, int start) {
        int depth = 0;
        int i = start;
        while (i < text.length() - 1) {
            if (text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("SQL has an unterminated /* comment starting at position " + (start + 1));
    }

    private static int dollarQuoted(String text, int start) {
        int tagEnd = start + 1;
        while (tagEnd < text.length() && text.charAt(tagEnd) != '$') {
            char c = text.charAt(tagEnd);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return start + 1; // a positional parameter such as $1, or not a dollar quote at all
            }
            tagEnd++;
        }
        if (tagEnd >= text.length()) {
            return start + 1;
        }
        if (tagEnd > start + 1 && Character.isDigit(text.charAt(start + 1))) {
            return start + 1;
        }
        String tag = text.substring(start, tagEnd + 1);
        int close = text.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            throw new IllegalArgumentException(
                    "SQL has an unterminated dollar-quoted string starting at position " + (start + 1));
        }
        return close + tag.length();
    }

    private static boolean identifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean identifierPart(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
