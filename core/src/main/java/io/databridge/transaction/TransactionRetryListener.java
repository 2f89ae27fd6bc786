package io.databridge.transaction;

import java.time.Duration;

/**
 * Hears each retry of a whole transaction, e.g. to count retries by SQLSTATE (Spring Boot wires a Micrometer counter
 * when a {@code MeterRegistry} exists). Implementations must be thread-safe and quick: they run on the retrying thread.
 */
@FunctionalInterface
public interface TransactionRetryListener {

    /** The listener that does nothing. */
    TransactionRetryListener NONE = (sqlState, attempt, backoff) -> {};

    /**
     * Called after a transaction failed with a retryable failure and before it runs again.
     *
     * @param sqlState the SQLSTATE of the failure, e.g. {@code 40001}
     * @param attempt the attempt that failed, 1 for the first
     * @param backoff how long the thread waits before the next attempt
     */
    void onRetry(String sqlState, int attempt, Duration backoff);
}
