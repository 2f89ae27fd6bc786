package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databridge.DataBridge;
import io.databridge.error.CommitOutcomeUnknownException;
import io.databridge.error.RetryableFailures;
import io.databridge.transaction.RetryableTransaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.annotation.Transactional;

/**
 * A server started by the test, whose table has a deferred constraint trigger that sleeps at commit: the server is
 * stopped in immediate mode (every backend killed, as in a crash) while the {@code COMMIT} of a
 * {@code @RetryableTransaction} method is in flight. The caller gets a {@link CommitOutcomeUnknownException}, and the
 * method ran once: a commit whose outcome is unknown is never retried. Public, with a public service: the context
 * runner's filtering class loader defines the CGLIB proxy.
 */
public class FailoverCommitOutcomeUnknownTest {

    private static LocalPostgresServer server;

    @BeforeAll
    static void startServerWithASlowCommit() throws Exception {
        server = LocalPostgresServer.startPrimary();
        server.execute(
                "CREATE TABLE payments (id bigint PRIMARY KEY)",
                "CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$",
                "CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON payments"
                        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit()");
    }

    @AfterAll
    static void stopServer() throws Exception {
        LocalPostgresServer.closeAll(server);
    }

    @Test
    void aServerLostDuringCommitGivesCommitOutcomeUnknownAndNoRetry() throws Exception {
        Runners.withoutEmbedded()
                .withUserConfiguration(Services.class)
                .withPropertyValues(
                        "data-bridge.datasource.url=" + server.jdbcUrl(),
                        "data-bridge.datasource.username=postgres",
                        "data-bridge.migrations.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PaymentService payments = context.getBean(PaymentService.class);
                    CompletableFuture<Void> crash = CompletableFuture.runAsync(() -> {
                        try {
                            awaitCommitInFlight();
                            server.stopImmediate();
                        } catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        }
                    });

                    Throwable thrown = catchThrowable(() -> payments.pay(1));
                    crash.get(60, TimeUnit.SECONDS);

                    assertThat(thrown)
                            .isInstanceOf(CommitOutcomeUnknownException.class)
                            .isInstanceOf(DataAccessResourceFailureException.class)
                            .hasMessageStartingWith(
                                    "Commit outcome unknown: the connection was lost after COMMIT was sent");
                    assertThat(RetryableFailures.retryableSqlState(thrown)).isNull();
                    assertThat(payments.attempts()).isOne();
                });
    }

    /** Waits until a session of the server sleeps in the deferred trigger, i.e. inside its COMMIT. */
    private static void awaitCommitInFlight() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows =
                        statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("No commit reached the sleeping trigger within 20 s");
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        PaymentService paymentService(DataBridge db) {
            return new PaymentService(db);
        }
    }

    public static class PaymentService {
        final DataBridge db;
        final AtomicInteger attempts = new AtomicInteger();

        public PaymentService(DataBridge db) {
            this.db = db;
        }

        /** Read through the proxy, whose own fields are not the target's. */
        public int attempts() {
            return attempts.get();
        }

        @RetryableTransaction(maxAttempts = 5, initialBackoffMillis = 1, maxBackoffMillis = 5)
        @Transactional
        public void pay(long id) {
            attempts.incrementAndGet();
            db.sql("INSERT INTO payments (id) VALUES (:id)").param("id", id).update();
        }
    }
}
