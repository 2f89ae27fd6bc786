package io.databridge.error;

import static io.databridge.error.Failures.assertSanitized;
import static io.databridge.error.Failures.errorId;
import static io.databridge.error.Failures.springType;
import static io.databridge.error.Statements.execute;
import static io.databridge.error.Statements.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;

/** Timeouts, lock conflicts, deadlocks and serialization failures provoked with real concurrent transactions. */
@PostgresTest
class ConcurrencyTranslationTest {

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private final DataSource dataSource;
    private final PgExceptionTranslator sanitizing = new PgExceptionTranslator(true);

    ConcurrencyTranslationTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeEach
    void createRows(TestSchema schema) {
        schema.execute(
                "drop table if exists vault_lock",
                "create table vault_lock (id integer primary key, vault_balance integer not null)",
                "insert into vault_lock values (1, 100), (2, 200)");
    }

    @Test
    void statementTimeoutIsASanitizedQueryTimeoutException() throws SQLException {
        DataAccessException translated;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "set local statement_timeout = '50ms'");
                String sql = "select pg_sleep(5), vault_balance from vault_lock";
                translated = sanitizing.translate("vault test", sql, failureOf(connection, sql));
            } finally {
                connection.rollback();
            }
        }

        assertThat(springType(translated)).isEqualTo(QueryTimeoutException.class);
        assertSanitized(
                translated, "Query canceled: the statement timed out or was canceled", "pg_sleep", "vault_lock");
        assertThat(log.textFor(errorId(translated))).contains("SQLSTATE: 57014", "statement timeout");
    }

    @Test
    void rowLockedByAnotherTransactionIsASanitizedCannotAcquireLockException() throws SQLException {
        DataAccessException translated;
        try (Connection holder = dataSource.getConnection();
                Connection waiter = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try {
                execute(holder, "select vault_balance from vault_lock where id = 1 for update");
                String sql = "select vault_balance from vault_lock where id = 1 for update nowait";
                translated = sanitizing.translate("vault test", sql, failureOf(waiter, sql));
            } finally {
                holder.rollback();
            }
        }

        assertThat(springType(translated)).isEqualTo(CannotAcquireLockException.class);
        assertSanitized(
                translated,
                "Lock not available: another transaction holds a lock this statement needs",
                "vault_lock",
                "vault_balance");
        assertThat(log.textFor(errorId(translated)))
                .contains("SQLSTATE: 55P03", "could not obtain lock on row in relation \"vault_lock\"");
    }

    @Test
    void deadlockIsASanitizedPessimisticLockingFailure() throws Exception {
        SQLException deadlock;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection first = dataSource.getConnection();
                Connection second = dataSource.getConnection()) {
            for (Connection connection : List.of(first, second)) {
                connection.setAutoCommit(false);
                // Detect the deadlock after 100 ms rather than the default second.
                execute(connection, "set local deadlock_timeout = '100ms'");
            }
            execute(first, "update vault_lock set vault_balance = vault_balance + 1 where id = 1");
            execute(second, "update vault_lock set vault_balance = vault_balance + 1 where id = 2");
            Future<@Nullable SQLException> firstWaits = threads.submit(
                    () -> failureOrNull(first, "update vault_lock set vault_balance = vault_balance + 1 where id = 2"));
            Future<@Nullable SQLException> secondWaits = threads.submit(() ->
                    failureOrNull(second, "update vault_lock set vault_balance = vault_balance + 1 where id = 1"));
            List<SQLException> failures = new ArrayList<>();
            for (Future<@Nullable SQLException> waiting : List.of(firstWaits, secondWaits)) {
                SQLException failure = waiting.get(10, TimeUnit.SECONDS);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            first.rollback();
            second.rollback();
            assertThat(failures)
                    .as("exactly one transaction is the deadlock victim")
                    .hasSize(1);
            deadlock = failures.get(0);
        } finally {
            threads.shutdownNow();
        }

        DataAccessException translated = sanitizing.translate("vault test", null, deadlock);

        assertThat(springType(translated)).isEqualTo(PessimisticLockingFailureException.class);
        assertSanitized(translated, "Deadlock detected: the transaction was rolled back; retry it", "vault_lock");
        assertThat(log.textFor(errorId(translated))).contains("SQLSTATE: 40P01", "deadlock detected");
    }

    @Test
    void concurrentUpdateUnderSerializableIsASanitizedPessimisticLockingFailure() throws SQLException {
        DataAccessException translated;
        try (Connection reader = dataSource.getConnection();
                Connection writer = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try {
                execute(reader, "set transaction isolation level serializable");
                execute(reader, "select vault_balance from vault_lock where id = 1");
                execute(writer, "update vault_lock set vault_balance = 0 where id = 1");
                String sql = "update vault_lock set vault_balance = vault_balance - 1 where id = 1";
                translated = sanitizing.translate("vault test", sql, failureOf(reader, sql));
            } finally {
                reader.rollback();
            }
        }

        assertThat(springType(translated)).isEqualTo(PessimisticLockingFailureException.class);
        assertSanitized(
                translated,
                "Serialization failure: the transaction conflicted with a concurrent transaction; retry it",
                "vault_lock",
                "vault_balance");
        assertThat(log.textFor(errorId(translated))).contains("SQLSTATE: 40001", "could not serialize access");
    }

    private static @Nullable SQLException failureOrNull(Connection connection, String sql) throws SQLException {
        try {
            execute(connection, sql);
            return null;
        } catch (SQLException ex) {
            // End the victim's transaction at once so the other one can finish.
            connection.rollback();
            return ex;
        }
    }
}
