package io.databridge.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The bulk load's starting point, the same for every library and every invocation: an empty insert table and no
 * dirty pages or WAL left over from the invocation before (so no library pays for a checkpoint another one caused).
 * Done outside the measured time, on a connection of its own; only scenario 4 takes this state, because a per
 * invocation fixture would distort the microsecond scenarios.
 */
@State(Scope.Thread)
public class EmptyInsertTable {

    private Connection connection;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        connection = DriverManager.getConnection(BenchDatabase.url(), BenchDatabase.user(), BenchDatabase.password());
    }

    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE databridge_bench.person_insert");
            statement.execute("CHECKPOINT");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }
}
