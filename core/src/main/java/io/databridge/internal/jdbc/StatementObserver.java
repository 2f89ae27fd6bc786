package io.databridge.internal.jdbc;

import io.databridge.audit.AuditTrail;
import io.databridge.error.HasErrorId;
import io.databridge.observation.DefaultStatementObservationConvention;
import io.databridge.observation.StatementObservationContext;
import io.databridge.observation.StatementObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Reports each unit of database work the executor runs: a Micrometer observation when the registry is not a no-op,
 * the SQL and its duration on the {@code io.databridge.sql} logger at DEBUG, and a WARN on {@code
 * io.databridge.slow-query} when the work took at least the slow-query threshold. When none of the three is on, {@link
 * #start} returns a shared no-op, so the executor's hot path pays one check. Never logs a bound value. Thread-safe.
 */
public final class StatementObserver {

    /** Reports nothing. */
    public static final StatementObserver NONE =
            new StatementObserver(ObservationRegistry.NOOP, null, null, AuditTrail.off());

    private static final Logger SQL_LOG = LoggerFactory.getLogger("io.databridge.sql");
    private static final Logger SLOW_LOG = LoggerFactory.getLogger("io.databridge.slow-query");

    private final ObservationRegistry registry;
    private final @Nullable StatementObservationConvention convention;
    private final long slowNanos;
    private final AuditTrail audit;

    /**
     * Creates an observer without an audit trail.
     *
     * @param registry where observations go; {@link ObservationRegistry#NOOP} for none
     * @param convention names and tags observations; {@code null} for the default
     * @param slowQueryThreshold the duration from which work is logged as slow; {@code null} for never
     */
    public StatementObserver(
            ObservationRegistry registry,
            @Nullable StatementObservationConvention convention,
            @Nullable Duration slowQueryThreshold) {
        this(registry, convention, slowQueryThreshold, AuditTrail.off());
    }

    /**
     * Creates an observer.
     *
     * @param registry where observations go; {@link ObservationRegistry#NOOP} for none
     * @param convention names and tags observations; {@code null} for the default
     * @param slowQueryThreshold the duration from which work is logged as slow; {@code null} for never
     * @param audit records writes and pool events; {@link AuditTrail#off()} for none
     */
    public StatementObserver(
            ObservationRegistry registry,
            @Nullable StatementObservationConvention convention,
            @Nullable Duration slowQueryThreshold,
            AuditTrail audit) {
        this.registry = registry;
        this.convention = convention;
        this.slowNanos = slowQueryThreshold == null ? -1 : slowQueryThreshold.toNanos();
        this.audit = audit;
    }

    /**
     * The audit trail.
     *
     * @return the trail, {@link AuditTrail#off()} when none
     */
    public AuditTrail audit() {
        return audit;
    }

    /**
     * Starts observing work on the calling thread.
     *
     * @param task what the work does
     * @param sql its SQL, with placeholders
     * @param scoped whether to open the observation's scope on this thread (the work ends on it too)
     * @return the running observation; call {@link Run#stop} exactly once
     */
    Run start(String task, String sql, boolean scoped) {
        boolean observe = !registry.isNoop();
        if (!observe && slowNanos < 0 && !SQL_LOG.isDebugEnabled() && !audit.enabled()) {
            return Run.NONE;
        }
        Observation observation = null;
        Observation.Scope scope = null;
        if (observe) {
            observation = Observation.createNotStarted(
                            convention,
                            DefaultStatementObservationConvention.INSTANCE,
                            () -> new StatementObservationContext(task, sql),
                            registry)
                    .start();
            scope = scoped ? observation.openScope() : null;
        }
        return new Run(this, task, sql, observation, scope, System.nanoTime());
    }

    /** One unit of work being observed. */
    static class Run {

        static final Run NONE = new Run(null, "", "", null, null, 0) {
            @Override
            void stop(@Nullable Throwable error, long rows) {}
        };

        private final @Nullable StatementObserver observer;
        private final String task;
        private final String sql;
        private final @Nullable Observation observation;
        private final Observation.@Nullable Scope scope;
        private final long started;

        Run(
                @Nullable StatementObserver observer,
                String task,
                String sql,
                @Nullable Observation observation,
                Observation.@Nullable Scope scope,
                long started) {
            this.observer = observer;
            this.task = task;
            this.sql = sql;
            this.observation = observation;
            this.scope = scope;
            this.started = started;
        }

        /**
         * Tags the observation with the server the work runs on, once its connection is borrowed.
         *
         * @param routing the executor's routing
         * @param connection the connection borrowed for the work
         */
        void route(StatementRouting routing, java.sql.Connection connection) {
            if (routing != StatementRouting.NONE
                    && observation != null
                    && observation.getContext() instanceof StatementObservationContext context) {
                context.setRoute(routing.route(connection));
            }
        }

        /**
         * Ends the observation and writes the logs.
         *
         * @param error the failure the caller sees (the translated exception), or {@code null}
         */
        void stop(@Nullable Throwable error) {
            stop(error, -1);
        }

        /**
         * Ends the observation, writes the logs and records the audit events.
         *
         * @param error the failure the caller sees (the translated exception), or {@code null}
         * @param rows the rows the work wrote or returned, {@code -1} when unknown
         */
        void stop(@Nullable Throwable error, long rows) {
            long took = System.nanoTime() - started;
            if (observer != null && observer.audit.enabled()) {
                audit(observer.audit, took, error, rows);
            }
            if (observation != null) {
                if (error != null) {
                    observation.error(error);
                }
                if (scope != null) {
                    scope.close();
                }
                observation.stop();
            }
            long slowNanos = observer == null ? -1 : observer.slowNanos;
            if (slowNanos >= 0 && took >= slowNanos) {
                SLOW_LOG.warn(
                        "Slow statement: {} took {} ms (threshold {} ms){}; SQL: {}",
                        task,
                        millis(took),
                        millis(slowNanos),
                        error == null ? "" : ", failed with " + error.getClass().getSimpleName(),
                        sql);
            }
            if (SQL_LOG.isDebugEnabled()) {
                SQL_LOG.debug(
                        "{} ({} ms{}): {}",
                        task,
                        millis(took),
                        error == null ? "" : ", failed with " + error.getClass().getSimpleName(),
                        sql);
            }
        }

        /** A write statement's event, and the pool event a failure reveals; reads are not audited. */
        private void audit(AuditTrail audit, long took, @Nullable Throwable error, long rows) {
            if (isWrite(task)) {
                audit.statement(task, rows, took, error);
            }
            String sqlState = error instanceof HasErrorId identified ? identified.sqlState() : null;
            if (sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"))) {
                audit.pool("connection-lost", error);
            } else if (sqlState == null && error instanceof TransientDataAccessResourceException) {
                audit.pool("pool-exhausted", error);
            }
        }

        static boolean isWrite(String task) {
            return task.startsWith("insert")
                    || task.startsWith("update")
                    || task.startsWith("upsert")
                    || task.startsWith("delete")
                    || task.startsWith("save")
                    || task.equals("sql update");
        }

        private static String millis(long nanos) {
            return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1_000_000.0);
        }
    }
}
