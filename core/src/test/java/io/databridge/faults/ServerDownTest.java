package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.fixtures.Account;
import io.databridge.transaction.DataBridgeTransactionManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the database down, every data-bridge call, the bulk ones included, throws a sanitized
 * {@link DataAccessResourceFailureException}: no driver exception in its chain, no host or port in any message.
 */
class ServerDownTest {

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final int port = Pools.closedPort();
    private final HikariDataSource pool = Pools.of("jdbc:postgresql://127.0.0.1:" + port + "/vault_db", 2, 500);
    private final DataBridge db = DataBridge.create(pool);

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static List<Account> accounts(int count) {
        List<Account> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            accounts.add(new Account(UUID.randomUUID(), "owner " + i, BigDecimal.ONE));
        }
        return accounts;
    }

    private void assertDown(Throwable thrown) {
        Chains.assertSanitizedFailure(
                thrown, DataAccessResourceFailureException.class, "127.0.0.1", String.valueOf(port), "vault_");
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {1, 6_000, 12_000})
    void insertAllThrowsASanitizedResourceFailure(int rows) {
        assertDown(catchThrowable(() -> db.insertAll(accounts(rows))));
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {6_000, 12_000})
    void everyOtherBulkWriteThrowsASanitizedResourceFailure(int rows) {
        List<Account> accounts = accounts(rows);
        List<Consumer<List<Account>>> writes = List.of(
                db::updateAll,
                db::upsertAll,
                db::deleteAll,
                list -> db.deleteAllById(
                        Account.class, list.stream().map(Account::id).toList()));
        for (Consumer<List<Account>> write : writes) {
            assertDown(catchThrowable(() -> write.accept(accounts)));
        }
    }

    @Test
    void singleRowCallsQueriesAndStreamsThrowASanitizedResourceFailure() {
        assertDown(catchThrowable(() -> db.findById(Account.class, UUID.randomUUID())));
        assertDown(catchThrowable(() -> db.sql("SELECT 1").list(Integer.class)));
        assertDown(catchThrowable(() -> db.from(Account.class).list()));
        assertDown(catchThrowable(() -> {
            try (var rows = db.from(Account.class).stream()) {
                rows.count();
            }
        }));
    }

    @Test
    void aTransactionThatCannotBeginThrowsASanitizedResourceFailure() {
        TransactionTemplate transactions =
                new TransactionTemplate(new DataBridgeTransactionManager(pool, new PgExceptionTranslator(true)));

        Throwable thrown = catchThrowable(() ->
                transactions.executeWithoutResult(status -> db.sql("SELECT 1").list(Integer.class)));

        assertDown(thrown);
        assertThat(log.lines()).noneMatch(line -> line.contains("vault_password"));
    }
}
