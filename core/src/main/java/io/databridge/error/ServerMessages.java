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
 * the classes whose messages quote only names (grammar, locks, connections; see {@link #NAMES_ONLY}) keep their
 * quotes; every other class, data exceptions ({@code 22}), integrity violations ({@code 23}) and errors raised by
 * functions ({@code P0}) among them, is redacted. Stateless.
 */
final class ServerMessages {

    /**
     * SQLSTATE classes whose messages quote names, never values: connection and authentication ({@code 08}, {@code
     * 28}), unsupported features ({@code 0A}), transaction state ({@code 25}, {@code 40}), catalog and schema names
     * ({@code 3D}, {@code 3F}), grammar and access rules ({@code 42}), resources and limits ({@code 53}, {@code 54}),
     * object state such as locks ({@code 55}) and operator intervention ({@code 57}).
     */
    private static final Set<String> NAMES_ONLY =
            Set.of("08", "0A", "25", "28", "3D", "3F", "40", "42", "53", "54", "55", "57");

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
        if (sqlState != null && sqlState.length() == 5 && NAMES_ONLY.contains(sqlState.substring(0, 2))) {
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
