package io.databridge.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Scenario 13's {@code event_bulk}: created once, emptied before every iteration, outside the measured time. */
@State(Scope.Thread)
public class EventTable {

    private Connection connection;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        connection = EmptyEventTable.open(BenchDatabase.url());
    }

    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE databridge_bench.event_bulk");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }
}
