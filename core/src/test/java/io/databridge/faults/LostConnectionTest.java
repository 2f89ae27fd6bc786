package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.fixtures.Account;
import io.databridge.migration.MigrationException;
import io.databridge.migration.Migrations;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import io.databridge.transaction.DataBridgeTransactionManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A backend killed mid-transaction, mid-cursor, in the second chunk of a bulk write and mid-migration: the caller sees
 * the connection failure itself (a sanitized {@link DataAccessResourceFailureException}), not the failed rollback that
 * follows it; nothing of the work is left, and the pool serves again.
 */
@PostgresTest
class LostConnectionTest {

    /** A row whose owner is this makes its own backend terminate, from a trigger, in the middle of a statement. */
    private static final String KILL = "kill-my-backend";

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final HikariDataSource pool;
    private final DataBridge db;
    private final TransactionTemplate transactions;

    @TempDir
    Path scripts;

    LostConnectionTest(TestSchema schema) {
        this.pool = Pools.of(schema, 3, 2_000);
        this.db = DataBridge.create(pool);
        this.transactions =
                new TransactionTemplate(new DataBridgeTransactionManager(pool, new PgExceptionTranslator(true)));
    }

    @BeforeAll
    static void createTable(TestSchema schema) {
        DataBridge.create(schema.dataSource()).schema().create(Account.class);
        schema.execute(
                "CREATE FUNCTION kill_on_marker() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.owner = '" + KILL + "' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;"
                        + " RETURN NEW; END $$",
                "CREATE TRIGGER account_kill BEFORE INSERT OR UPDATE ON account FOR EACH ROW"
                        + " EXECUTE FUNCTION kill_on_marker()");
    }

    @BeforeEach
    void emptyTable() {
        db.sql("TRUNCATE account").update();
    }

    @AfterEach
    void poolServesAgainAndClose() {
        assertThat(db.sql("SELECT count(*) FROM account").one(Long.class)).isNotNegative();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        pool.close();
    }

    private static Account account(String owner) {
        return new Account(UUID.randomUUID(), owner, BigDecimal.TEN);
    }

    private int backendPid() {
        return db.sql("SELECT pg_backend_pid()").one(Integer.class);
    }

    @Test
    void aConnectionLostInsideATransactionKeepsItsResourceFailureThroughTheRollback() {
        Throwable thrown = catchThrowable(() -> transactions.executeWithoutResult(status -> {
            db.insert(account("first"));
            Pools.terminate(backendPid());
            db.insert(account("second"));
        }));

        Chains.assertSanitizedFailure(thrown, DataAccessResourceFailureException.class);
        assertThat(thrown.getMessage()).containsAnyOf("Connection failure: ", "Server shutdown: ");
        assertThat(db.sql("SELECT count(*) FROM account").one(Long.class)).isZero();
    }

    @Test
    void aConnectionLostInACursorStreamIsAResourceFailure() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            accounts.add(account("owner " + i));
        }
        db.insertAll(accounts);

        Throwable thrown = catchThrowable(() -> {
            try (Stream<Account> rows = db.from(Account.class).fetchSize(100).stream()) {
                rows.forEach(row -> {
                    if (row.owner().equals("owner 500")) {
                        Pools.terminate(backendOf(row));
                    }
                });
            }
        });

        Chains.assertSanitizedFailure(thrown, DataAccessResourceFailureException.class);
    }

    /** The cursor's backend: the only other one of this pool that is active in the schema's database. */
    private int backendOf(Account ignored) {
        return db.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        + " AND query ILIKE '%account%' AND query NOT ILIKE '%pg_stat_activity%'"
                        + " ORDER BY backend_start DESC LIMIT 1")
                .one(Integer.class);
    }

    @Test
    void aConnectionLostInTheSecondChunkOfABulkWriteKeepsItsResourceFailureAndLeavesNothing() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            accounts.add(account("owner " + i));
        }
        List<Account> stored = db.insertAll(accounts);
        List<Account> changed = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Account row = stored.get(i);
            changed.add(new Account(row.id(), i == 7_500 ? KILL : "changed", row.balance()));
        }

        Throwable thrown = catchThrowable(() -> db.updateAll(changed));

        Chains.assertSanitizedFailure(thrown, DataAccessResourceFailureException.class);
        assertThat(db.sql("SELECT count(*) FROM account WHERE owner = 'changed'")
                        .one(Long.class))
                .isZero();
    }

    @Test
    void aConnectionLostInAMigrationNamesTheScriptAndLeavesNothingOfIt() throws IOException {
        Files.writeString(
                scripts.resolve("V1__lost.sql"),
                "CREATE TABLE lost_table (id int);\nINSERT INTO account VALUES ('" + UUID.randomUUID() + "', '" + KILL
                        + "', 1);\n");
        Migrations migrations = Migrations.builder(pool)
                .locations(List.of("filesystem:" + scripts))
                .translator(new PgExceptionTranslator(true))
                .build();

        Throwable thrown = catchThrowable(migrations::migrate);

        assertThat(thrown).isInstanceOf(MigrationException.class).hasMessageContaining("V1__lost.sql");
        assertThat(thrown.getCause()).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(log.lines()).anyMatch(line -> line.contains("V1__lost.sql") && line.contains("SQLSTATE: 57P01"));
        assertThat(db.sql("SELECT to_regclass('lost_table') IS NULL").one(Boolean.class))
                .isTrue();
    }
}
