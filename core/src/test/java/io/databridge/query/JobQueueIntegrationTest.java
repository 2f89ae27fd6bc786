package io.databridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The job-queue idiom: concurrent workers take rows with FOR UPDATE SKIP LOCKED and never take the same one. */
@PostgresTest
class JobQueueIntegrationTest {

    @Test
    void twoConcurrentTransactionsNeverTakeTheSameRow(DataSource dataSource) throws Exception {
        DataBridge db = DataBridge.create(dataSource);
        db.schema().create(Job.class);
        for (int i = 0; i < 20; i++) {
            db.insert(new Job(null, "ready", "job " + i));
        }
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CyclicBarrier bothHoldTheirLocks = new CyclicBarrier(2);
        List<Long> taken = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                results.add(workers.submit(() -> transactions.execute(status -> {
                    List<Job> jobs = db.from(Job.class)
                            .where(Job_.status.eq("ready"))
                            .orderBy(Job_.id.asc())
                            .limit(5)
                            .forUpdate()
                            .skipLocked()
                            .list();
                    await(bothHoldTheirLocks);
                    List<Long> ids = jobs.stream().map(Job::id).toList();
                    db.from(Job.class)
                            .where(Job_.id.in(ids))
                            .set(Job_.status, "taken")
                            .update();
                    taken.addAll(ids);
                    return ids;
                })));
            }
            List<Long> first = results.get(0).get(30, TimeUnit.SECONDS);
            List<Long> second = results.get(1).get(30, TimeUnit.SECONDS);
            assertThat(first).hasSize(5);
            assertThat(second).hasSize(5).doesNotContainAnyElementsOf(first);
        } finally {
            workers.shutdownNow();
        }
        assertThat(taken).hasSize(10).doesNotHaveDuplicates();
        assertThat(db.from(Job.class).where(Job_.status.eq("taken")).count()).isEqualTo(10);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException("the other worker did not take its rows", ex);
        }
    }
}
