package io.databridge.testdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The schema a {@link PostgresTest} class works in, with a pooled data source whose connections have it as their
 * {@code search_path}. Thread-safe.
 *
 * @param name the schema name, unique per test class and run
 * @param dataSource a pool of connections to the test database, with this schema current
 */
public record TestSchema(String name, DataSource dataSource) {

    /**
     * Runs SQL statements (DDL, fixtures) in this schema, each on its own in autocommit mode.
     *
     * @param statements the SQL statements
     * @throws IllegalStateException when a statement fails, naming it
     */
    public void execute(String... statements) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException ex) {
                    throw new IllegalStateException(
                            "Test set-up statement failed: " + sql + ": " + ex.getMessage(), ex);
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not connect to the test database: " + ex.getMessage(), ex);
        }
    }
}
