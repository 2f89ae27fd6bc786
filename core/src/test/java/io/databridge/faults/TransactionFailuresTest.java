package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.error.RetryableFailures;
import io.databridge.fixtures.Account;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import io.databridge.transaction.DataBridgeTransactionManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.support.TransactionTemplate;

/** Failures of the transaction itself: a deadline already passed, a commit whose connection went. */
@PostgresTest
class TransactionFailuresTest {

    /** An account with this owner makes its backend terminate at COMMIT, from a deferred constraint trigger. */
    private static final String KILL_AT_COMMIT = "kill-at-commit";

    private final HikariDataSource pool;
    private final DataBridge db;
    private final TransactionTemplate transactions;

    TransactionFailuresTest(TestSchema schema) {
        this.pool = Pools.of(schema, 3, 2_000);
        this.db = DataBridge.create(pool);
        this.transactions =
                new TransactionTemplate(new DataBridgeTransactionManager(pool, new PgExceptionTranslator(true)));
    }

    @BeforeAll
    static void createTable(TestSchema schema) {
        DataBridge.create(schema.dataSource()).schema().create(Account.class);
        schema.execute(
                "CREATE FUNCTION kill_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.owner = '" + KILL_AT_COMMIT + "' THEN"
                        + " PERFORM pg_terminate_backend(pg_backend_pid()); END IF; RETURN NEW; END $$",
                "CREATE CONSTRAINT TRIGGER account_kill_at_commit AFTER INSERT ON account DEFERRABLE INITIALLY DEFERRED"
                        + " FOR EACH ROW EXECUTE FUNCTION kill_at_commit()");
    }

    @BeforeEach
    void emptyTable() {
        db.sql("TRUNCATE account").update();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static Account account(String owner) {
        return new Account(UUID.randomUUID(), owner, BigDecimal.ONE);
    }

    private static void sleepPast(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void aStatementAfterTheDeadlineIsASanitizedQueryTimeout() {
        transactions.setTimeout(1);

        Throwable thrown = catchThrowable(() -> transactions.executeWithoutResult(status -> {
            db.insert(account("before the deadline"));
            sleepPast(1_100);
            db.findById(Account.class, UUID.randomUUID());
        }));

        Chains.assertSanitizedFailure(thrown, QueryTimeoutException.class);
        assertThat(thrown.getMessage()).startsWith("Transaction timed out: its deadline passed before this statement");
        assertThat(db.sql("SELECT count(*) FROM account").one(Long.class)).isZero();
    }

    @Test
    void aBulkWriteAfterTheDeadlineIsASanitizedQueryTimeout() {
        transactions.setTimeout(1);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            accounts.add(account("owner " + i));
        }

        Throwable thrown = catchThrowable(() -> transactions.executeWithoutResult(status -> {
            sleepPast(1_100);
            db.insertAll(accounts);
        }));

        Chains.assertSanitizedFailure(thrown, QueryTimeoutException.class);
        assertThat(db.sql("SELECT count(*) FROM account").one(Long.class)).isZero();
    }

    @Test
    void aCommitWhoseConnectionIsLostHasAnUnknownOutcomeAndIsNotRetryable() {
        Throwable thrown =
                catchThrowable(() -> transactions.executeWithoutResult(status -> db.insert(account(KILL_AT_COMMIT))));

        Chains.assertSanitizedFailure(thrown, DataAccessResourceFailureException.class);
        assertThat(thrown.getMessage())
                .startsWith("Commit outcome unknown: the connection was lost after COMMIT was sent");
        assertThat(RetryableFailures.retryableSqlState(thrown)).isNull();
    }
}
