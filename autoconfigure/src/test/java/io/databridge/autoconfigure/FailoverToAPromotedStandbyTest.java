package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.error.PgExceptionTranslator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A primary with a streaming standby; while 4 threads write through data-bridge's pool on a multi-host URL with {@code
 * targetServerType=primary}, the primary is stopped and the standby promoted. Every write is either committed and
 * present on the new primary afterwards, or failed with a {@link DataAccessResourceFailureException}; none is lost.
 * The time from the stop to the first successful write is logged (docs/scaling.md quotes it).
 */
class FailoverToAPromotedStandbyTest {

    private static final Logger logger = LoggerFactory.getLogger(FailoverToAPromotedStandbyTest.class);
    private static final int WRITERS = 4;
    private static final int WRITES_AFTER_FAILOVER = 25;

    private static LocalPostgresServer primary;
    private static LocalPostgresServer standby;

    @BeforeAll
    static void startPrimaryAndStandby() throws Exception {
        primary = LocalPostgresServer.startPrimary();
        try (Connection connection = DriverManager.getConnection(primary.jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE writes (id bigint PRIMARY KEY, writer int NOT NULL)");
        }
        standby = LocalPostgresServer.startStandby(primary, "");
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void everyWriteIsCommittedAndPresentOrFailedAsAResourceFailure() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port()
                + "/postgres?targetServerType=primary&connectTimeout=2&socketTimeout=10");
        config.setUsername("postgres");
        config.setMaximumPoolSize(WRITERS);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        AtomicLong ids = new AtomicLong();
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        Map<Long, DataAccessException> failed = new ConcurrentHashMap<>();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        AtomicBoolean primaryDown = new AtomicBoolean();
        AtomicLong stoppedAt = new AtomicLong();
        AtomicLong firstWriteAfterStop = new AtomicLong();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DataBridge db = DataBridge.builder(pool)
                    .translator(new PgExceptionTranslator(true))
                    .build();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> running = new CopyOnWriteArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int number = writer;
                running.add(writers.submit(() -> {
                    int afterFailover = 0;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                    while (afterFailover < WRITES_AFTER_FAILOVER && System.nanoTime() < deadline) {
                        long id = ids.incrementAndGet();
                        boolean primaryWasDown = primaryDown.get();
                        try {
                            db.sql("INSERT INTO writes (id, writer) VALUES (:id, :writer)")
                                    .param("id", id)
                                    .param("writer", number)
                                    .update();
                            committed.add(id);
                            if (primaryWasDown) {
                                firstWriteAfterStop.compareAndSet(0, System.nanoTime());
                                afterFailover++;
                            }
                        } catch (DataAccessException ex) {
                            failed.put(id, ex);
                            pause();
                        } catch (RuntimeException ex) {
                            unexpected.add(ex);
                            return;
                        }
                    }
                }));
            }
            while (committed.size() < 200) {
                Thread.sleep(10);
            }
            stoppedAt.set(System.nanoTime());
            primary.stopFast();
            primaryDown.set(true);
            standby.promote();
            writers.shutdown();
            assertThat(writers.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            for (Future<?> future : running) {
                future.get();
            }
        }

        assertThat(unexpected).isEmpty();
        assertThat(failed.values())
                .allSatisfy(ex -> assertThat(ex).isInstanceOf(DataAccessResourceFailureException.class));
        Set<Long> present = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(standby.jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM writes")) {
            while (rows.next()) {
                present.add(rows.getLong(1));
            }
        }
        assertThat(present).containsAll(committed);
        assertThat(firstWriteAfterStop.get()).isPositive();
        Set<Long> unknownOutcome = new HashSet<>(failed.keySet());
        unknownOutcome.retainAll(present);
        logger.info(
                "Failover: {} writes committed, {} failed ({} of those were in flight and turned out committed), first"
                        + " successful write begun after the primary was down: {} ms after its stop began",
                committed.size(),
                failed.size(),
                unknownOutcome.size(),
                TimeUnit.NANOSECONDS.toMillis(firstWriteAfterStop.get() - stoppedAt.get()));
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
