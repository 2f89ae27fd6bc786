package io.databridge.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.transaction.ReplicaRoutingDataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Read throughput of 8 threads, each reading one person by id outside any transaction: {@code reads=primary} on a
 * {@code DataBridge} over the primary's pool only, {@code reads=replica} on one over a {@link ReplicaRoutingDataSource}
 * of the primary and one streaming replica (lag checks on, no read-your-writes position: each read runs on the
 * replica without an extra round trip). Both servers are started by the benchmark ({@link ReplicaCluster}); on one
 * machine they share its cores, so the number says what routing costs and carries, not what a second machine adds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReplicaRoutingBenchmark {

    @Param({"primary", "replica"})
    public String reads;

    private ReplicaCluster cluster;
    private HikariDataSource primary;
    private HikariDataSource replica;
    private ReplicaRoutingDataSource routing;
    private DataBridge db;

    @Setup(Level.Trial)
    public void open() throws Exception {
        cluster = ReplicaCluster.start();
        primary = cluster.primaryPool(8);
        replica = cluster.replicaPool(8);
        routing = new ReplicaRoutingDataSource(
                primary,
                List.of(new ReplicaRoutingDataSource.NamedDataSource("0", replica)),
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                new ReplicaRoutingDataSource.LagBound(0, Duration.ofSeconds(10), Duration.ofSeconds(2)));
        db = DataBridge.create("replica".equals(reads) ? routing : primary);
        ReadYourWritesBenchmark.awaitSeeded(db);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        routing.close();
        replica.close();
        primary.close();
        cluster.close();
    }

    @Benchmark
    @Threads(8)
    public DbPerson r1_findById8Threads() {
        long id = 1 + ThreadLocalRandom.current().nextLong(BenchDatabase.SEED_ROWS);
        return db.findById(DbPerson.class, id).orElseThrow();
    }
}
