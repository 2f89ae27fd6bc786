package io.databridge.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names and tags of a statement observation:
 *
 * <ul>
 *   <li>name {@value #NAME} (a timer {@code data_bridge_statements_seconds} in Prometheus), contextual name the task;
 *   <li>low-cardinality tags {@code db.system} ({@code postgresql}), {@code data-bridge.task} (e.g. {@code find
 *       User}), {@code outcome} ({@code SUCCESS} or {@code FAILURE}), {@code exception} (the simple name of the
 *       Spring exception the caller got, e.g. {@code DuplicateKeyException}, or {@code none}) and {@code route} (the
 *       server: {@code primary}, or {@code replica-<name>} with read replicas);
 *   <li>high-cardinality tag {@code db.statement}: the SQL with {@code ?} placeholders (for traces, not metrics).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public class DefaultStatementObservationConvention implements StatementObservationConvention {

    /** The observation name. */
    public static final String NAME = "data-bridge.statements";

    /** The shared instance. */
    public static final DefaultStatementObservationConvention INSTANCE = new DefaultStatementObservationConvention();

    private static final KeyValue SYSTEM = KeyValue.of("db.system", "postgresql");
    private static final KeyValue SUCCESS = KeyValue.of("outcome", "SUCCESS");
    private static final KeyValue FAILURE = KeyValue.of("outcome", "FAILURE");
    private static final KeyValue NO_EXCEPTION = KeyValue.of("exception", "none");
    private static final KeyValue PRIMARY = KeyValue.of("route", "primary");

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(StatementObservationContext context) {
        return context.task();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(StatementObservationContext context) {
        Throwable error = context.getError();
        return KeyValues.of(
                SYSTEM,
                KeyValue.of("data-bridge.task", context.task()),
                error == null ? SUCCESS : FAILURE,
                error == null ? NO_EXCEPTION : KeyValue.of("exception", exceptionName(error)),
                "primary".equals(context.route()) ? PRIMARY : KeyValue.of("route", context.route()));
    }

    /**
     * The simple name of the exception's public type: the Spring exception a translated failure extends (e.g. {@code
     * DuplicateKeyException}), not data-bridge's own subclass of it.
     */
    private static String exceptionName(Throwable error) {
        Class<?> type = error.getClass();
        while (type.getSuperclass() != null
                && (type.getName().startsWith("io.databridge.error.")
                        || type.getSimpleName().isEmpty())) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(StatementObservationContext context) {
        return KeyValues.of(KeyValue.of("db.statement", context.sql()));
    }
}
