package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.transaction.ReadYourWrites;
import io.databridge.transaction.ReplicaRoutingDataSource;
import io.databridge.transaction.ReplicaRoutingTransactionManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A primary and a streaming replica that applies each commit 300 ms late ({@code recovery_min_apply_delay}), both
 * started by the test: read-only transactions go to the replica, and a thread never reads stale data after its own
 * write, whether the read waits for the replica or falls back to the primary.
 */
class ReplicaReadYourWritesTest {

    private static LocalPostgresServer primary;
    private static LocalPostgresServer replica;

    @BeforeAll
    static void startPrimaryAndDelayedReplica() throws Exception {
        primary = LocalPostgresServer.startPrimary();
        primary.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL)");
        replica = LocalPostgresServer.startStandby(primary, "recovery_min_apply_delay = '300ms'");
    }

    @AfterAll
    static void stopServers() throws Exception {
        LocalPostgresServer.closeAll(replica, primary);
    }

    @AfterEach
    void forgetPosition() {
        ReadYourWrites.clear();
    }

    private ApplicationContextRunner runner(String maxWait) {
        return Runners.withoutEmbedded()
                .withConfiguration(AutoConfigurations.of(DataBridgeReplicasAutoConfiguration.class))
                .withPropertyValues(
                        "data-bridge.datasource.url=" + primary.jdbcUrl(),
                        "data-bridge.datasource.username=postgres",
                        "data-bridge.datasource.pool.maximum-size=2",
                        "data-bridge.replicas[0].url=" + replica.jdbcUrl(),
                        "data-bridge.read-your-writes.max-wait=" + maxWait,
                        "data-bridge.migrations.enabled=false");
    }

    @Test
    void readOnlyTransactionsRunOnTheReplicaAndOthersOnThePrimary() {
        runner("100ms").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context)
                    .getBean(PlatformTransactionManager.class)
                    .isInstanceOf(ReplicaRoutingTransactionManager.class);
            DataBridge db = context.getBean(DataBridge.class);
            PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
            assertThat(inRecovery(db, readOnly(transactions))).isTrue();
            assertThat(inRecovery(db, new TransactionTemplate(transactions))).isFalse();
            assertThat(context.getBean(ReplicaRoutingDataSource.class).replicasInRotation())
                    .containsExactly("0");
        });
    }

    @Test
    void withoutTheWritersPositionAReadOnTheDelayedReplicaIsStale() {
        runner("100ms").run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
            write(db, transactions, -1);
            ReadYourWrites.clear();
            Long count = readOnly(transactions)
                    .execute(status ->
                            db.sql("SELECT count(*) FROM notes WHERE id = -1").one(Long.class));
            assertThat(count).isZero();
        });
    }

    @Test
    void aThousandWritesEachReadBackAtOnceNeverReadStaleData() {
        runner("0ms").run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
            TransactionTemplate readOnly = readOnly(transactions);
            for (long id = 1; id <= 1_000; id++) {
                write(db, transactions, id);
                long written = id;
                List<String> bodies = readOnly.execute(status -> db.sql("SELECT body FROM notes WHERE id = :id")
                        .param("id", written)
                        .list(String.class));
                assertThat(bodies).as("read of write %d", written).containsExactly("note " + written);
            }
        });
    }

    @Test
    void aReadWaitsForTheReplicaToReplayTheWriteWithinTheBound() {
        runner("5s").run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
            for (long id = 2_001; id <= 2_003; id++) {
                write(db, transactions, id);
                long written = id;
                Object[] seen = readOnly(transactions).execute(status -> new Object[] {
                    db.sql("SELECT pg_is_in_recovery()").one(Boolean.class),
                    db.sql("SELECT count(*) FROM notes WHERE id = :id")
                            .param("id", written)
                            .one(Long.class)
                });
                assertThat(seen).containsExactly(true, 1L);
            }
        });
    }

    @Test
    void aTokenCarriesTheWriteToAnotherThread() throws Exception {
        runner("5s").run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
            write(db, transactions, 3_001);
            String token = ReadYourWrites.token();
            assertThat(token).matches("[0-9A-F]+/[0-9A-F]+");
            long[] count = new long[1];
            Thread reader = new Thread(() -> {
                ReadYourWrites.resume(token);
                count[0] = readOnly(transactions)
                        .execute(status -> db.sql("SELECT count(*) FROM notes WHERE id = 3001")
                                .one(Long.class));
            });
            reader.start();
            reader.join();
            assertThat(count[0]).isEqualTo(1);
        });
    }

    private static void write(DataBridge db, PlatformTransactionManager transactions, long id) {
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> db.sql("INSERT INTO notes (id, body) VALUES (:id, :body)")
                        .param("id", id)
                        .param("body", "note " + id)
                        .update());
    }

    private static TransactionTemplate readOnly(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return template;
    }

    private static Boolean inRecovery(DataBridge db, TransactionTemplate template) {
        return template.execute(status -> db.sql("SELECT pg_is_in_recovery()").one(Boolean.class));
    }

    @Test
    void aReplicaThatIsDownLeavesTheRotationAndReadsGoToThePrimary() throws Exception {
        runner("100ms")
                .withPropertyValues("data-bridge.datasource.pool.connection-timeout=1s")
                .run(context -> {
                    DataBridge db = context.getBean(DataBridge.class);
                    PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
                    ReplicaRoutingDataSource routing = context.getBean(ReplicaRoutingDataSource.class);
                    replica.stopFast();
                    try {
                        assertThat(inRecovery(db, readOnly(transactions))).isFalse();
                        assertThat(routing.replicasInRotation()).isEmpty();
                        assertThat(inRecovery(db, readOnly(transactions))).isFalse();
                    } finally {
                        replica.start();
                    }
                });
    }
}
