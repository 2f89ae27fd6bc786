package io.databridge.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every library's benchmark shares: the pool, the schema, two forks (one fork's error bars were as wide as the
 * differences between libraries), average time in microseconds. Scenario
 * methods are named {@code sN_what} so results sort by scenario.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class BenchmarkBase {

    /** Rows of scenario 4 (bulk load); {@code run.sh --quick} lowers it. */
    @Param("100000")
    public int bulkRows;

    protected HikariDataSource dataSource;

    @Setup(Level.Trial)
    public final void openPool() throws Exception {
        dataSource = BenchDatabase.pool();
        init();
    }

    /** Builds the library's objects over {@link #dataSource}. */
    protected abstract void init() throws Exception;

    @Setup(Level.Iteration)
    public final void emptyInsertTable() {
        BenchDatabase.truncateInserts(dataSource);
    }

    @TearDown(Level.Trial)
    public final void closePool() throws Exception {
        close();
        dataSource.close();
    }

    /** Closes the library's own resources. */
    protected void close() throws Exception {}
}
