package io.databridge.observation;

/**
 * Hears each suspected N+1 that data-bridge's detector finds: one read statement shape run more often than the
 * threshold in one transaction. Called once per transaction and shape, after the WARN on {@code
 * io.databridge.n-plus-one}; Spring Boot wires one that counts them on the Micrometer counter {@code
 * data-bridge.n-plus-one} when a {@code MeterRegistry} exists. Implementations must be thread-safe and quick: they run
 * on the thread that ran the statement.
 */
@FunctionalInterface
public interface NPlusOneListener {

    /** The listener that does nothing. */
    NPlusOneListener NONE = (task, sql) -> {};

    /**
     * Called when a read statement shape ran once more than the threshold allows in the current transaction.
     *
     * @param task what the statement does, e.g. {@code find Customer} or {@code fetch Order.lines} (low cardinality)
     * @param sql the SQL text with {@code ?} placeholders, never a bound value
     */
    void onNPlusOne(String task, String sql);
}
