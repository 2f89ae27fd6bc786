package io.databridge.error;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Runs the statements that provoke failures in the integration tests. */
final class Statements {

    private Statements() {}

    static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.execute();
        }
    }

    /** The driver's exception from a statement that must fail. */
    static SQLException failureOf(Connection connection, String sql, Object... values) {
        try {
            execute(connection, sql, values);
        } catch (SQLException ex) {
            return ex;
        }
        throw new AssertionError("Expected the statement to fail: " + sql);
    }
}
