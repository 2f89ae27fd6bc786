package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.transaction.ReplicaRoutingDataSource;
import io.databridge.transaction.ReplicaStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * A primary and a streaming replica started by the test, with replay paused on the replica ({@code
 * pg_wal_replay_pause()}) while the primary writes: the background lag check takes the replica out of rotation once it
 * lags past the bound (in bytes or in time), reads go to the primary meanwhile, the health component and the gauges
 * say so, and the replica is put back once replay resumes and it has caught up. A replica that is stopped is DOWN, and
 * UP again once restarted.
 */
class ReplicaLagRotationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static LocalPostgresServer primary;
    private static LocalPostgresServer replica;

    @BeforeAll
    static void startPrimaryAndReplica() throws Exception {
        primary = LocalPostgresServer.startPrimary();
        primary.execute("CREATE TABLE filler (id bigint, body text)");
        replica = LocalPostgresServer.startStandby(primary, "");
    }

    @AfterAll
    static void stopServers() throws Exception {
        LocalPostgresServer.closeAll(replica, primary);
    }

    private ApplicationContextRunner runner(String... lagBound) {
        return Runners.withoutEmbedded()
                .withConfiguration(AutoConfigurations.of(
                        DataBridgeReplicasAutoConfiguration.class, DataBridgeReplicaMonitoringAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(
                        "data-bridge.datasource.url=" + primary.jdbcUrl(),
                        "data-bridge.datasource.username=postgres",
                        "data-bridge.datasource.pool.maximum-size=2",
                        "data-bridge.datasource.pool.connection-timeout=1s",
                        "data-bridge.replicas[0].url=" + replica.jdbcUrl(),
                        "data-bridge.replica-lag.check-interval=100ms",
                        "data-bridge.migrations.enabled=false")
                .withPropertyValues(lagBound);
    }

    @Test
    void aReplicaLaggingPastTheByteBoundLeavesTheRotationAndComesBackOnceCaughtUp() {
        runner("data-bridge.replica-lag.max-bytes=256KB", "data-bridge.replica-lag.max-time=0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DataBridge db = context.getBean(DataBridge.class);
                    ReplicaRoutingDataSource routing = context.getBean(ReplicaRoutingDataSource.class);
                    await(() -> status(routing).state() == ReplicaStatus.State.UP
                            && status(routing).lagBytes() >= 0);
                    assertThat(readOnReplica(db)).isTrue();
                    assertThat(gauge(context, DataBridgeReplicaMonitoringAutoConfiguration.IN_ROTATION_METER))
                            .isEqualTo(1.0);

                    replica.execute("SELECT pg_wal_replay_pause()");
                    try {
                        primary.execute(
                                "INSERT INTO filler SELECT i, repeat('x', 200) FROM generate_series(1, 10000) i");
                        await(() -> status(routing).state() == ReplicaStatus.State.OUT_OF_ROTATION);

                        assertThat(status(routing).lagBytes()).isGreaterThan(256 * 1024);
                        assertThat(routing.replicasInRotation()).isEmpty();
                        assertThat(readOnReplica(db)).isFalse();
                        Health health = replicaHealth(context);
                        assertThat(health.getStatus()).isEqualTo(new Status("OUT_OF_ROTATION"));
                        assertThat(health.getDetails()).containsKeys("lagBytes", "lagMillis", "reason");
                        assertThat((Long) health.getDetails().get("lagBytes")).isGreaterThan(256 * 1024L);
                        assertThat(gauge(context, DataBridgeReplicaMonitoringAutoConfiguration.IN_ROTATION_METER))
                                .isZero();
                        assertThat(gauge(context, DataBridgeReplicaMonitoringAutoConfiguration.LAG_BYTES_METER))
                                .isGreaterThan(256 * 1024);
                    } finally {
                        replica.execute("SELECT pg_wal_replay_resume()");
                    }

                    await(() -> status(routing).state() == ReplicaStatus.State.UP);
                    assertThat(routing.replicasInRotation()).containsExactly("0");
                    assertThat(readOnReplica(db)).isTrue();
                    assertThat(replicaHealth(context).getStatus()).isEqualTo(Status.UP);
                    assertThat(gauge(context, DataBridgeReplicaMonitoringAutoConfiguration.IN_ROTATION_METER))
                            .isEqualTo(1.0);
                });
    }

    @Test
    void aReplicaLaggingPastTheTimeBoundLeavesTheRotationAndComesBackOnceCaughtUp() {
        runner("data-bridge.replica-lag.max-time=500ms").run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            ReplicaRoutingDataSource routing = context.getBean(ReplicaRoutingDataSource.class);
            await(() -> status(routing).state() == ReplicaStatus.State.UP
                    && status(routing).lag() != null);

            replica.execute("SELECT pg_wal_replay_pause()");
            try {
                primary.execute("INSERT INTO filler VALUES (1, 'one small write')");
                await(() -> status(routing).state() == ReplicaStatus.State.OUT_OF_ROTATION);

                Duration lag = status(routing).lag();
                assertThat(lag).isNotNull().isGreaterThan(Duration.ofMillis(500));
                assertThat(readOnReplica(db)).isFalse();
                assertThat(gauge(context, DataBridgeReplicaMonitoringAutoConfiguration.LAG_METER))
                        .isGreaterThan(0.5);
            } finally {
                replica.execute("SELECT pg_wal_replay_resume()");
            }

            await(() -> status(routing).state() == ReplicaStatus.State.UP);
            assertThat(readOnReplica(db)).isTrue();
        });
    }

    @Test
    void aStoppedReplicaIsDownAndUpAgainOnceRestarted() {
        runner().run(context -> {
            ReplicaRoutingDataSource routing = context.getBean(ReplicaRoutingDataSource.class);
            await(() -> status(routing).state() == ReplicaStatus.State.UP
                    && status(routing).lag() != null);

            replica.stopFast();
            try {
                await(() -> status(routing).state() == ReplicaStatus.State.DOWN);
                Health health = replicaHealth(context);
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("reason", "unreachable");
                assertThat(gauge(context, DataBridgeReplicaMonitoringAutoConfiguration.LAG_BYTES_METER))
                        .isNaN();
            } finally {
                replica.start();
            }

            await(() -> status(routing).state() == ReplicaStatus.State.UP);
            assertThat(replicaHealth(context).getStatus()).isEqualTo(Status.UP);
        });
    }

    private static boolean readOnReplica(DataBridge db) {
        return db.sql("SELECT pg_is_in_recovery()").one(Boolean.class);
    }

    private static ReplicaStatus status(ReplicaRoutingDataSource routing) {
        return routing.replicaStatuses().get(0);
    }

    private static Health replicaHealth(ApplicationContext context) {
        CompositeHealthContributor replicas =
                context.getBean("replicasHealthContributor", CompositeHealthContributor.class);
        Health health = ((HealthIndicator) replicas.getContributor("0")).health();
        assertThat(health).isNotNull();
        return health;
    }

    private static double gauge(ApplicationContext context, String meter) {
        return context.getBean(MeterRegistry.class)
                .get(meter)
                .tag("replica", "0")
                .gauge()
                .value();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %s", PATIENCE).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
