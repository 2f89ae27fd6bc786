package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import io.databridge.transaction.DataBridgeTransactionManager;
import io.databridge.transaction.TransactionRetryTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Whole transactions retried on the failures PostgreSQL says to retry, and never on the others. */
@PostgresTest
class TransactionRetryTest {

    private static final int ACCOUNTS = 10;
    private static final long OPENING_BALANCE = 1_000;
    private static final int THREADS = 16;
    private static final int TRANSFERS_PER_THREAD = 40;

    private final HikariDataSource pool;
    private final DataBridge db;
    private final DataBridgeTransactionManager transactionManager;
    private final Map<String, LongAdder> retries = new ConcurrentHashMap<>();

    TransactionRetryTest(TestSchema schema) {
        this.pool = Pools.of(schema, THREADS + 2, 30_000);
        this.db = DataBridge.create(pool);
        this.transactionManager = new DataBridgeTransactionManager(pool, new PgExceptionTranslator(true));
    }

    @BeforeEach
    void createAccounts() {
        db.sql("DROP TABLE IF EXISTS bank_account, transfer").update();
        db.sql("CREATE TABLE bank_account (id int PRIMARY KEY, balance bigint NOT NULL)")
                .update();
        db.sql("CREATE TABLE transfer (id uuid PRIMARY KEY, from_id int NOT NULL, to_id int NOT NULL,"
                        + " amount bigint NOT NULL)")
                .update();
        db.sql("INSERT INTO bank_account SELECT g, :balance FROM generate_series(1, :accounts) g")
                .param("balance", OPENING_BALANCE)
                .param("accounts", ACCOUNTS)
                .update();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private TransactionRetryTemplate.Builder serializable() {
        return TransactionRetryTemplate.builder(transactionManager)
                .isolation(TransactionDefinition.ISOLATION_SERIALIZABLE)
                .listener((sqlState, attempt, backoff) -> retries.computeIfAbsent(sqlState, state -> new LongAdder())
                        .increment());
    }

    private void transfer(UUID id, int from, int to, long amount) {
        long fromBalance = db.sql("SELECT balance FROM bank_account WHERE id = :id")
                .param("id", from)
                .one(Long.class);
        long toBalance = db.sql("SELECT balance FROM bank_account WHERE id = :id")
                .param("id", to)
                .one(Long.class);
        db.sql("UPDATE bank_account SET balance = :balance WHERE id = :id")
                .param("balance", fromBalance - amount)
                .param("id", from)
                .update();
        db.sql("UPDATE bank_account SET balance = :balance WHERE id = :id")
                .param("balance", toBalance + amount)
                .param("id", to)
                .update();
        db.sql("INSERT INTO transfer VALUES (:id, :from, :to, :amount)")
                .param("id", id)
                .param("from", from)
                .param("to", to)
                .param("amount", amount)
                .update();
    }

    @Test
    void sixteenThreadsTransferringUnderSerializableConserveTheTotalAndApplyEachTransferOnce() throws Exception {
        TransactionRetryTemplate template = serializable()
                .maxAttempts(200)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(50))
                .build();
        List<UUID> ids = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<UUID> mine = new ArrayList<>();
            for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                mine.add(UUID.randomUUID());
            }
            ids.addAll(mine);
            done.add(threads.submit(() -> {
                for (UUID id : mine) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    int from = 1 + random.nextInt(ACCOUNTS);
                    int to = 1 + (from + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                    long amount = 1 + random.nextInt(50);
                    template.executeWithoutResult(status -> transfer(id, from, to, amount));
                }
            }));
        }
        threads.shutdown();
        for (Future<?> future : done) {
            future.get(5, TimeUnit.MINUTES);
        }

        assertThat(db.sql("SELECT sum(balance) FROM bank_account").one(Long.class))
                .isEqualTo(ACCOUNTS * OPENING_BALANCE);
        assertThat(db.sql("SELECT id FROM transfer").list(UUID.class)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(db.sql("SELECT count(*) FROM bank_account a WHERE a.balance <> :opening"
                                + " + (SELECT coalesce(sum(amount), 0) FROM transfer WHERE to_id = a.id)"
                                + " - (SELECT coalesce(sum(amount), 0) FROM transfer WHERE from_id = a.id)")
                        .param("opening", OPENING_BALANCE)
                        .one(Long.class))
                .isZero();
        assertThat(retries).containsKey("40001");
    }

    @Test
    void aRetryableFailureRunsTheWholeTransactionAgainUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionRetryTemplate template = serializable().maxAttempts(3).build();

        template.executeWithoutResult(status -> {
            db.sql("UPDATE bank_account SET balance = balance + 1 WHERE id = 1").update();
            if (attempts.incrementAndGet() < 3) {
                db.sql("SELECT raise_serialization_failure()").list(Integer.class);
            }
        });

        assertThat(attempts).hasValue(3);
        assertThat(db.sql("SELECT balance FROM bank_account WHERE id = 1").one(Long.class))
                .isEqualTo(OPENING_BALANCE + 1);
        assertThat(retries.get("40001").sum()).isEqualTo(2);
    }

    @Test
    void theLastFailureIsThrownWhenTheAttemptsRunOut() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionRetryTemplate template = serializable().maxAttempts(2).build();

        Throwable thrown = catchThrowable(() -> template.executeWithoutResult(status -> {
            attempts.incrementAndGet();
            db.sql("SELECT raise_serialization_failure()").list(Integer.class);
        }));

        assertThat(thrown).isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aFailureThatIsNotRetryableRunsOnce() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionRetryTemplate template = serializable().build();

        catchThrowable(() -> template.executeWithoutResult(status -> {
            attempts.incrementAndGet();
            db.sql("SELECT 1 / 0").list(Integer.class);
        }));

        assertThat(attempts).hasValue(1);
        assertThat(retries).isEmpty();
    }

    @Test
    void insideAnOuterTransactionTheUnitRunsOnceAndTheFailureGoesToTheOuterOne() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionRetryTemplate template = serializable().build();

        Throwable thrown = catchThrowable(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(outer -> template.executeWithoutResult(status -> {
                    attempts.incrementAndGet();
                    db.sql("SELECT raise_serialization_failure()").list(Integer.class);
                })));

        assertThat(thrown).isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aConnectionLostBeforeCommitIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionRetryTemplate template = serializable().build();

        template.executeWithoutResult(status -> {
            db.sql("UPDATE bank_account SET balance = balance + 1 WHERE id = 2").update();
            if (attempts.incrementAndGet() == 1) {
                Pools.terminate(db.sql("SELECT pg_backend_pid()").one(Integer.class));
                db.sql("SELECT 1").list(Integer.class);
            }
        });

        assertThat(attempts).hasValue(2);
        assertThat(db.sql("SELECT balance FROM bank_account WHERE id = 2").one(Long.class))
                .isEqualTo(OPENING_BALANCE + 1);
        assertThat(retries.keySet()).singleElement().asString().matches("08...|57P0.");
    }

    @BeforeEach
    void createFailingFunction() {
        db.sql("CREATE OR REPLACE FUNCTION raise_serialization_failure() RETURNS int LANGUAGE plpgsql AS"
                        + " $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$")
                .update();
    }

    /** A {@link DataAccessResourceFailureException} is what a lost connection is, when it is not retried. */
    @Test
    void aConnectionLostOnTheLastAttemptIsAResourceFailure() {
        TransactionRetryTemplate template = serializable().maxAttempts(1).build();

        Throwable thrown = catchThrowable(() -> template.executeWithoutResult(status -> {
            Pools.terminate(db.sql("SELECT pg_backend_pid()").one(Integer.class));
            db.sql("SELECT 1").list(Integer.class);
        }));

        Chains.assertSanitizedFailure(thrown, DataAccessResourceFailureException.class);
    }
}
