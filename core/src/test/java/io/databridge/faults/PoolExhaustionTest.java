package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.fixtures.Account;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import io.databridge.transaction.DataBridgeTransactionManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pool that gives no connection in time is not a database outage: its own message with the pool's counts, and a
 * transient type callers can shed load on. The pool serves again once connections come back.
 */
@PostgresTest
class PoolExhaustionTest {

    private static final String EXHAUSTED = "Pool exhausted: no connection available within \\d+ ms \\(pool total=2,"
            + " active=2, idle=0, waiting=\\d+\\); shed load, shorten transactions or raise the pool size \\[error id"
            + " [0-9a-f]{12}]";

    private final HikariDataSource pool;
    private final DataBridge db;

    PoolExhaustionTest(TestSchema schema) {
        this.pool = Pools.of(schema, 2, 250);
        this.db = DataBridge.create(pool);
    }

    @BeforeAll
    static void createTable(TestSchema schema) {
        DataBridge.create(schema.dataSource()).schema().create(Account.class);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void aStatementWaitingBeyondTheTimeoutSaysThePoolIsExhaustedWithItsCounts() throws SQLException {
        Throwable thrown;
        try (Connection first = pool.getConnection();
                Connection second = pool.getConnection()) {
            thrown = catchThrowable(() -> db.findById(Account.class, UUID.randomUUID()));
        }

        Chains.assertSanitizedFailure(thrown, TransientDataAccessResourceException.class);
        assertThat(thrown.getMessage()).matches(EXHAUSTED);
        assertThat(db.findById(Account.class, UUID.randomUUID())).isEmpty();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void aTransactionWaitingBeyondTheTimeoutSaysThePoolIsExhausted() throws SQLException {
        TransactionTemplate transactions =
                new TransactionTemplate(new DataBridgeTransactionManager(pool, new PgExceptionTranslator(true)));
        Throwable thrown;
        try (Connection first = pool.getConnection();
                Connection second = pool.getConnection()) {
            thrown = catchThrowable(
                    () -> transactions.executeWithoutResult(status -> db.findById(Account.class, UUID.randomUUID())));
        }

        Chains.assertSanitizedFailure(thrown, TransientDataAccessResourceException.class);
        assertThat(thrown.getMessage()).matches(EXHAUSTED);
        Optional<Account> found = transactions.execute(status -> db.findById(Account.class, UUID.randomUUID()));
        assertThat(found).isEmpty();
    }
}
