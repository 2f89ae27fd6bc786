package io.databridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row locks on a real PostgreSQL: the first connection holds a lock in a transaction, a second connection (another
 * thread, so outside that transaction) tries the row with {@code NOWAIT}.
 */
@PostgresTest
class LockingIntegrationTest {

    private final DataBridge db;
    private final TransactionTemplate transactions;

    LockingIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeAll
    static void createTable(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Job.class);
    }

    @BeforeEach
    void fillTable() {
        db.sql("TRUNCATE job RESTART IDENTITY").update();
        db.insert(new Job(null, "ready", "first"));
    }

    private SelectQuery<Job> firstJob() {
        return db.from(Job.class).where(Job_.id.eq(1L));
    }

    @Test
    void noWaitFailsAtOnceWhileAnotherTransactionHoldsTheRowForUpdate() {
        transactions.executeWithoutResult(status -> {
            assertThat(firstJob().forUpdate().list()).hasSize(1);

            assertThatThrownBy(() -> onAnotherConnection(
                            () -> firstJob().forUpdate().noWait().list()))
                    .isInstanceOf(CannotAcquireLockException.class);
        });
        assertThat(onAnotherConnection(() -> firstJob().forUpdate().noWait().list()))
                .as("the lock ends with the transaction")
                .hasSize(1);
    }

    @Test
    void forShareLetsOthersShareTheRowButNotLockItForUpdate() {
        transactions.executeWithoutResult(status -> {
            assertThat(firstJob().forShare().list()).hasSize(1);

            assertThat(onAnotherConnection(() -> firstJob().forShare().noWait().list()))
                    .hasSize(1);
            assertThatThrownBy(() -> onAnotherConnection(
                            () -> firstJob().forUpdate().noWait().list()))
                    .isInstanceOf(CannotAcquireLockException.class);
        });
    }

    /** Runs the work on another thread, where no transaction is bound, so it borrows a second connection. */
    private <T> List<T> onAnotherConnection(Supplier<List<T>> work) {
        try {
            return CompletableFuture.supplyAsync(() -> transactions.execute(status -> work.get()))
                    .get(20, TimeUnit.SECONDS);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(ex.getCause());
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
