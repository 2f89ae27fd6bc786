package io.databridge.error;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.ServerErrorMessage;

/**
 * Takes the values out of PostgreSQL's messages before a sanitizing translator logs them. PostgreSQL quotes the value
 * it rejects in the primary message of a conversion error ({@code invalid input syntax for type uuid: "..."}, {@code
 * value "..." is out of range for type integer}, {@code invalid input value for enum mood: "..."}), so every quoted
 * segment is replaced by {@value #REDACTED} unless it is one of the names the server reported in the structured
 * fields of the same error (schema, table, column, constraint, data type). A value may itself contain quotes: the
 * redaction runs from the first unknown quote to the last quote of the message, so nothing of it survives. Errors of
 * class {@code 42} (syntax, undefined or ambiguous names, privileges) keep their quotes: they quote the SQL text, which
 * the log line carries anyway. Stateless.
 */
final class ServerMessages {

    /** What a redacted quoted segment becomes. */
    static final String REDACTED = "\"?\"";

    private ServerMessages() {}

    /**
     * The primary message of a server error without its values.
     *
     * @param server the error report
     * @param sqlState the SQLSTATE, {@code null} when unknown
     * @return the message, values redacted
     */
    static String redacted(ServerErrorMessage server, @Nullable String sqlState) {
        String message = server.getMessage();
        if (message == null) {
            return "";
        }
        if (sqlState != null && sqlState.startsWith("42")) {
            return message;
        }
        return redacted(message, names(server));
    }

    /**
     * A message from the driver or elsewhere, every quoted segment redacted.
     *
     * @param message the message, may be {@code null}
     * @return the message, values redacted; {@code ""} for {@code null}
     */
    static String redacted(@Nullable String message) {
        return message == null ? "" : redacted(message, Set.of());
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

    private static String redacted(String message, Set<String> names) {
        int open = message.indexOf('"');
        if (open < 0) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length());
        int from = 0;
        while (open >= 0) {
            int close = message.indexOf('"', open + 1);
            if (close < 0) {
                // An unbalanced quote: whatever follows it may be a value.
                out.append(message, from, open).append(REDACTED);
                return out.toString();
            }
            String quoted = message.substring(open + 1, close);
            if (names.contains(quoted)) {
                out.append(message, from, close + 1);
                from = close + 1;
                open = message.indexOf('"', from);
                continue;
            }
            int last = message.lastIndexOf('"');
            out.append(message, from, open).append(REDACTED);
            // A value may hold quotes of its own: nothing between this quote and the last one is kept.
            from = last + 1;
            break;
        }
        return out.append(message, from, message.length()).toString();
    }
}
