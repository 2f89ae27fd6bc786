package io.databridge.internal.jdbc;

import io.databridge.observation.NPlusOneListener;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds N+1 at runtime: when one read statement (the same SQL text) runs more than {@code threshold} times in one
 * transaction, it logs one WARN per transaction and SQL text on {@code io.databridge.n-plus-one}, naming the task and
 * the fetch that would load the rows at once, and tells the listener. Bound values are never looked at: the SQL text
 * with its placeholders is the shape.
 *
 * <p>Cheap by construction: outside a transaction scope it checks one thread-local flag. Inside one, the first
 * statement binds a small state object to the transaction (one resource lookup per statement after that); the map of
 * counts keyed by SQL text exists only once the transaction has run a second read. A suspended transaction's counts
 * are suspended with it. {@link #OFF} does nothing. Thread-safe (the state is per thread's transaction).
 */
public final class NPlusOneDetector {

    /** Detects nothing. */
    public static final NPlusOneDetector OFF = new NPlusOneDetector(0, NPlusOneListener.NONE, UnaryOperator.identity());

    private static final Logger LOG = LoggerFactory.getLogger("io.databridge.n-plus-one");

    private final int threshold;
    private final NPlusOneListener listener;
    private final UnaryOperator<String> advice;

    /**
     * Creates a detector.
     *
     * @param threshold how many runs of one read statement a transaction may make; {@code 0} turns detection off
     * @param listener hears each detection after it is logged
     * @param advice turns a task into the fix to name in the log line (no values)
     * @throws IllegalArgumentException when the threshold is negative
     */
    public NPlusOneDetector(int threshold, NPlusOneListener listener, UnaryOperator<String> advice) {
        if (threshold < 0) {
            throw new IllegalArgumentException(
                    "The N+1 threshold must be at least 1, or 0 to turn detection off, but was " + threshold);
        }
        this.threshold = threshold;
        this.listener = listener;
        this.advice = advice;
    }

    /**
     * Counts a statement that ran successfully on the calling thread.
     *
     * @param task what the statement does; writes are not counted
     * @param sql its SQL text
     */
    void ran(String task, String sql) {
        if (threshold == 0 || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound instanceof TransactionStatements statements) {
            statements.ran(task, sql);
        } else if (!StatementObserver.Run.isWrite(task)) {
            TransactionStatements statements = new TransactionStatements(sql);
            TransactionSynchronizationManager.bindResource(this, statements);
            TransactionSynchronizationManager.registerSynchronization(statements);
        }
    }

    private void report(String task, String sql) {
        LOG.warn(
                "N+1 suspected: {} ran {} times in one transaction (threshold {}); {}. SQL: {}",
                task,
                threshold + 1,
                threshold,
                advice.apply(task),
                sql);
        listener.onNPlusOne(task, sql);
    }

    /** The reads of one transaction, bound to it as a resource and unbound when it completes or is suspended. */
    private final class TransactionStatements implements TransactionSynchronization {

        private final String first;
        private @Nullable Map<String, int[]> runs;

        TransactionStatements(String first) {
            this.first = first;
        }

        void ran(String task, String sql) {
            if (StatementObserver.Run.isWrite(task)) {
                return;
            }
            Map<String, int[]> counts = runs;
            if (counts == null) {
                counts = new HashMap<>();
                counts.put(first, new int[] {1});
                runs = counts;
            }
            int[] count = counts.get(sql);
            if (count == null) {
                counts.put(sql, new int[] {1});
            } else if (++count[0] == threshold + 1) {
                report(task, sql);
            }
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(NPlusOneDetector.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(NPlusOneDetector.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(NPlusOneDetector.this);
        }
    }
}
