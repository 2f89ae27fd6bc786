package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.error.RetryableFailures;
import io.databridge.mapping.Enumerated;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import io.databridge.transaction.DataBridgeTransactionManager;
import io.databridge.transaction.TransactionRetryTemplate;
import io.databridge.types.EnumType;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Another instance re-creating an enum type (and its table) while this one holds pooled connections whose server-side
 * prepared statements name the old type: the next write succeeds, on a fresh connection, instead of failing with
 * {@code XX000 cache lookup failed for type} until the pool is recycled.
 */
@PostgresTest
class StaleTypeCacheTest {

    /** The enum of the diary's column. */
    public enum Mood {
        HAPPY,
        SAD
    }

    /** A diary entry; its mood column has the PostgreSQL enum type {@code mood}. */
    @Table
    public record Diary(
            @Id @GeneratedValue @Nullable Long id,
            @Enumerated(value = EnumType.POSTGRES) Mood mood) {}

    private final TestSchema schema;
    private final HikariDataSource firstInstance;
    private final HikariDataSource secondInstance;

    StaleTypeCacheTest(TestSchema schema) {
        this.schema = schema;
        this.firstInstance = Pools.of(schema, 1, 5_000);
        this.secondInstance = Pools.of(schema, 1, 5_000);
    }

    @BeforeEach
    void createDiary() {
        recreate(DataBridge.create(secondInstance));
    }

    @AfterEach
    void closePools() {
        firstInstance.close();
        secondInstance.close();
    }

    private static void recreate(DataBridge db) {
        db.sql("DROP TABLE IF EXISTS diary, note").update();
        db.sql("DROP TYPE IF EXISTS mood").update();
        db.sql("CREATE TYPE mood AS ENUM ('HAPPY', 'SAD')").update();
        db.sql("CREATE TABLE diary (id serial PRIMARY KEY, mood mood NOT NULL)").update();
        db.sql("CREATE TABLE note (text text)").update();
    }

    private static void write(DataBridge db, Mood mood) {
        db.insert(new Diary(null, mood));
    }

    @Test
    void aWriteAfterAnotherInstanceRecreatedTheEnumTypeSucceeds() {
        DataBridge first = DataBridge.create(firstInstance);
        for (int i = 0; i < 10; i++) {
            // Past pgjdbc's prepareThreshold (5): the statement is prepared on the server, with the type's id.
            write(first, Mood.HAPPY);
        }

        recreate(DataBridge.create(secondInstance));
        write(first, Mood.SAD);
        write(first, Mood.HAPPY);

        assertThat(first.sql("SELECT count(*) FROM diary").one(Long.class)).isEqualTo(2);
    }

    /** Runs statements 10 times on the first instance's only connection: its insert is then prepared on the server. */
    private static void prepareInserts(DataBridge first) {
        for (int i = 0; i < 10; i++) {
            // Past pgjdbc's prepareThreshold (5): the statement is prepared on the server, with the type's id.
            write(first, Mood.HAPPY);
        }
        first.sql("DELETE FROM diary").update();
    }

    private TransactionTemplate transactions(HikariDataSource dataSource) {
        return new TransactionTemplate(new DataBridgeTransactionManager(dataSource, new PgExceptionTranslator(true)));
    }

    @Test
    void aTransactionWhoseFirstStatementMeetsAStaleTypeRunsItAgainAndCommits() {
        DataBridge first = DataBridge.create(firstInstance);
        prepareInserts(first);

        recreate(DataBridge.create(secondInstance));
        transactions(firstInstance).executeWithoutResult(status -> {
            write(first, Mood.SAD);
            write(first, Mood.HAPPY);
        });

        assertThat(first.sql("SELECT mood::text FROM diary ORDER BY id").list(String.class))
                .containsExactly("SAD", "HAPPY");
    }

    @Test
    void aStaleTypeLaterInATransactionRollsItBackWithATransientFailureThatSaysToRunItAgain() {
        DataBridge first = DataBridge.create(firstInstance);
        prepareInserts(first);

        recreate(DataBridge.create(secondInstance));
        Throwable thrown = catchThrowable(() -> transactions(firstInstance).executeWithoutResult(status -> {
            first.sql("INSERT INTO note VALUES ('lost')").update();
            write(first, Mood.SAD);
        }));

        assertThat(thrown)
                .isInstanceOf(TransientDataAccessResourceException.class)
                .hasMessageStartingWith("Stale type cache: ")
                .hasMessageContaining("run the transaction again");
        assertThat(RetryableFailures.retryableSqlState(thrown)).isEqualTo("XX000");
        assertThat(first.sql("SELECT count(*) FROM note").one(Long.class)).isZero();
        // The connection was retired: the next write, outside a transaction or not, succeeds at once.
        transactions(firstInstance).executeWithoutResult(status -> {
            first.sql("INSERT INTO note VALUES ('kept')").update();
            write(first, Mood.SAD);
        });
        assertThat(first.sql("SELECT count(*) FROM diary").one(Long.class)).isEqualTo(1);
    }

    @Test
    void theTransactionRetryRunsATransactionThatMetAStaleTypeAgain() {
        DataBridge first = DataBridge.create(firstInstance);
        prepareInserts(first);
        TransactionRetryTemplate retry = TransactionRetryTemplate.builder(
                        new DataBridgeTransactionManager(firstInstance, new PgExceptionTranslator(true)))
                .maxAttempts(3)
                .build();
        AtomicInteger attempts = new AtomicInteger();

        recreate(DataBridge.create(secondInstance));
        retry.executeWithoutResult(status -> {
            attempts.incrementAndGet();
            first.sql("INSERT INTO note VALUES ('once')").update();
            write(first, Mood.SAD);
        });

        assertThat(attempts).hasValue(2);
        assertThat(first.sql("SELECT count(*) FROM note").one(Long.class)).isEqualTo(1);
        assertThat(first.sql("SELECT count(*) FROM diary").one(Long.class)).isEqualTo(1);
    }
}
