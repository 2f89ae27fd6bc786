package io.databridge.query;

import java.util.regex.Pattern;

/** Checks SQL type names written into casts: only names that cannot carry anything but a type. Stateless. */
final class SqlTypeNames {

    private static final Pattern PLAIN = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?( [A-Za-z_][A-Za-z0-9_]*)*( ?\\(\\d+( ?, ?\\d+)?\\))?"
                    + "( [A-Za-z_][A-Za-z0-9_]*)*(\\[\\])*");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"\\x00]{1,63}\"(\\[\\])*");

    private SqlTypeNames() {}

    static String check(String sqlType) {
        if (sqlType == null
                || !(PLAIN.matcher(sqlType).matches() || QUOTED.matcher(sqlType).matches())) {
            throw new IllegalArgumentException("Invalid SQL type name '" + sqlType + "': write a PostgreSQL type such"
                    + " as numeric(10, 2), double precision, timestamp with time zone, text[] or \"My Type\"");
        }
        return sqlType;
    }
}
