package io.databridge.error;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.ServerErrorMessage;

/**
 * Takes the values out of PostgreSQL's messages before a sanitizing translator logs them. PostgreSQL quotes the value
 * it rejects in the primary message of a conversion error ({@code invalid input syntax for type uuid: "..."}, {@code
 * value "..." is out of range for type integer}, {@code invalid input value for enum mood: "..."}), a function may
 * raise a message, hint or context of any SQLSTATE that quotes its arguments, and the context of a bind failure quotes
 * the value in single quotes ({@code unnamed portal parameter $2 = '...'}). So, whatever the SQLSTATE, every quoted
 * segment (double or single quotes) of the primary message, the hint and the context is replaced by {@value
 * #REDACTED}, unless it is in double quotes and is one of the names the server reported in the structured fields of
 * the same error (schema, table, column, constraint, data type). A value may itself contain quotes: the redaction runs
 * from the first unknown quote to the last quote of the text, so nothing of it survives. The {@code DETAIL} field
 * ({@code Key (email)=(...)}, {@code Failing row contains (...)}) quotes values without quotes around them and is
 * never logged. Stateless.
 */
final class ServerMessages {

    /** What a redacted quoted segment becomes. */
    static final String REDACTED = "\"?\"";

    private ServerMessages() {}

    /**
     * The primary message of a server error without its values.
     *
     * @param server the error report
     * @return the message, values redacted
     */
    static String redacted(ServerErrorMessage server) {
        return redacted(server.getMessage(), names(server));
    }

    /**
     * A field of a server error (its hint, its context) without its values.
     *
     * @param server the error report, whose names are kept
     * @param text the field, may be {@code null}
     * @return the field, values redacted; {@code ""} for {@code null}
     */
    static String redacted(ServerErrorMessage server, @Nullable String text) {
        return redacted(text, names(server));
    }

    /**
     * A message from the driver or elsewhere, every quoted segment redacted.
     *
     * @param message the message, may be {@code null}
     * @return the message, values redacted; {@code ""} for {@code null}
     */
    static String redacted(@Nullable String message) {
        return redacted(message, Set.of());
    }

    private static Set<String> names(ServerErrorMessage server) {
        Set<String> names = new HashSet<>();
        for (String name : new String[] {
            server.getSchema(), server.getTable(), server.getColumn(), server.getConstraint(), server.getDatatype()
        }) {
            if (name != null && !name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static int nextQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                return i;
            }
        }
        return -1;
    }

    private static int lastQuote(String text) {
        return Math.max(text.lastIndexOf('"'), text.lastIndexOf('\''));
    }

    private static String redacted(@Nullable String message, Set<String> names) {
        if (message == null) {
            return "";
        }
        int open = nextQuote(message, 0);
        if (open < 0) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length());
        int from = 0;
        while (open >= 0) {
            char quote = message.charAt(open);
            int close = message.indexOf(quote, open + 1);
            if (close < 0) {
                // An unbalanced quote: whatever follows it may be a value.
                out.append(message, from, open).append(REDACTED);
                return out.toString();
            }
            if (quote == '"' && names.contains(message.substring(open + 1, close))) {
                out.append(message, from, close + 1);
                from = close + 1;
                open = nextQuote(message, from);
                continue;
            }
            out.append(message, from, open).append(REDACTED);
            // A value may hold quotes of its own: nothing between this quote and the last one is kept.
            from = lastQuote(message) + 1;
            break;
        }
        return out.append(message, from, message.length()).toString();
    }
}
