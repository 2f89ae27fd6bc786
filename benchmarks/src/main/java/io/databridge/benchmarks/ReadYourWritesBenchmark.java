package io.databridge.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.transaction.DataBridgeTransactionManager;
import io.databridge.transaction.ReadYourWrites;
import io.databridge.transaction.ReplicaRoutingDataSource;
import io.databridge.transaction.ReplicaRoutingTransactionManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cost of the read-your-writes check, in pairs that differ only by it, on a primary and a streaming replica the
 * benchmark starts ({@link ReplicaCluster}); the thread carries a position the replica has replayed, so the check
 * passes at its first query:
 *
 * <ul>
 *   <li>the check alone: {@code c1_readRoutedWithCheck} (one row read outside a transaction through the routing
 *       data source, which classifies the statement as a read and runs the check on the replica) minus {@code
 *       c0_readReplicaDirect} (the same read on the replica's pool, without routing);
 *   <li>per transaction: {@code t1_readOnlyTransactionRouted} (a read-only transaction reading one row through the
 *       {@link ReplicaRoutingTransactionManager}) minus {@code t0_readOnlyTransactionDirect} (the same transaction
 *       through a plain transaction manager on the replica's pool).
 * </ul>
 *
 * The target is a difference under 50 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReadYourWritesBenchmark {

    private ReplicaCluster cluster;
    private HikariDataSource primary;
    private String token;
    private DataBridge onReplica;
    private DataBridge routed;
    private TransactionTemplate directTransactions;
    private TransactionTemplate routedTransactions;

    @Setup(Level.Trial)
    public void open() throws Exception {
        cluster = ReplicaCluster.start();
        primary = cluster.primaryPool(2);
        HikariDataSource replica = cluster.replicaPool(2);
        ReplicaRoutingDataSource routing = cluster.routing(primary, replica, ReplicaRoutingDataSource.LagBound.NONE);
        onReplica = DataBridge.create(replica);
        routed = DataBridge.create(routing);
        awaitSeeded(onReplica);
        token = primaryPosition();
        PgExceptionTranslator translator = new PgExceptionTranslator(true);
        directTransactions = readOnly(new DataBridgeTransactionManager(replica, translator));
        routedTransactions = readOnly(new ReplicaRoutingTransactionManager(routing, translator));
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        cluster.close();
    }

    @Benchmark
    public DbPerson c0_readReplicaDirect() {
        ReadYourWrites.resume(token);
        return onReplica.findById(DbPerson.class, BenchDatabase.FIND_ID).orElseThrow();
    }

    @Benchmark
    public DbPerson c1_readRoutedWithCheck() {
        ReadYourWrites.resume(token);
        return routed.findById(DbPerson.class, BenchDatabase.FIND_ID).orElseThrow();
    }

    /** The same routed read without a position to check: what routing costs with read-your-writes out of the way. */
    @Benchmark
    public DbPerson c2_readRoutedWithoutPosition() {
        ReadYourWrites.clear();
        return routed.findById(DbPerson.class, BenchDatabase.FIND_ID).orElseThrow();
    }

    @Benchmark
    public DbPerson t0_readOnlyTransactionDirect() {
        ReadYourWrites.resume(token);
        return directTransactions.execute(status ->
                onReplica.findById(DbPerson.class, BenchDatabase.FIND_ID).orElseThrow());
    }

    @Benchmark
    public DbPerson t1_readOnlyTransactionRouted() {
        ReadYourWrites.resume(token);
        return routedTransactions.execute(
                status -> routed.findById(DbPerson.class, BenchDatabase.FIND_ID).orElseThrow());
    }

    /** The same routed read-only transaction without a position to check. */
    @Benchmark
    public DbPerson t2_readOnlyTransactionRoutedWithoutPosition() {
        ReadYourWrites.clear();
        return routedTransactions.execute(
                status -> routed.findById(DbPerson.class, BenchDatabase.FIND_ID).orElseThrow());
    }

    private static TransactionTemplate readOnly(DataBridgeTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return template;
    }

    /** The primary's WAL position now: a position the replica replays at once, as after a committed write. */
    private String primaryPosition() throws SQLException {
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Waits until {@code db} sees the seeded rows (on a replica: until it has replayed the seeding). */
    static void awaitSeeded(DataBridge db) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (db.findById(DbPerson.class, (long) BenchDatabase.SEED_ROWS).isPresent()) {
                    return;
                }
            } catch (RuntimeException ex) {
                // the table has not reached the replica yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The replica did not replay the seeded rows within 60 s");
            }
            Thread.sleep(100);
        }
    }
}
