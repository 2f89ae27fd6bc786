package io.databridge.transaction;

import io.databridge.error.RetryableFailures;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a whole transaction and runs it again when it fails with a failure PostgreSQL says to retry ({@code 40001},
 * {@code 40P01}, {@code 55P03}, a connection lost before {@code COMMIT}; see {@link RetryableFailures}), with jittered
 * exponential backoff; the programmatic form of {@link RetryableTransaction}.
 *
 * <pre>{@code
 * TransactionRetryTemplate transfers = TransactionRetryTemplate.builder(transactionManager)
 *         .isolation(TransactionDefinition.ISOLATION_SERIALIZABLE)
 *         .maxAttempts(5)
 *         .build();
 * transfers.executeWithoutResult(status -> move(from, to, amount));
 * }</pre>
 *
 * <p>Never retried: a call made while a transaction is already active on the thread (it joins that transaction, whose
 * owner must retry it as a whole), a failure that is not retryable, and a commit whose outcome is unknown. When the
 * attempts run out, the last failure is thrown. Immutable and thread-safe.
 */
public final class TransactionRetryTemplate {

    /** Default of {@link Builder#maxAttempts(int)}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    /** Default of {@link Builder#initialBackoff(Duration)}, in milliseconds. */
    public static final long DEFAULT_INITIAL_BACKOFF_MILLIS = 20;

    /** Default of {@link Builder#maxBackoff(Duration)}, in milliseconds. */
    public static final long DEFAULT_MAX_BACKOFF_MILLIS = 1_000;

    private static final Logger logger = LoggerFactory.getLogger(TransactionRetryTemplate.class);

    private final @Nullable TransactionTemplate transactions;
    private final int maxAttempts;
    private final long initialBackoffMillis;
    private final long maxBackoffMillis;
    private final TransactionRetryListener listener;

    private TransactionRetryTemplate(Builder builder) {
        if (builder.transactionManager != null) {
            TransactionTemplate template = new TransactionTemplate(builder.transactionManager);
            template.setIsolationLevel(builder.isolation);
            template.setTimeout(builder.timeoutSeconds);
            template.setReadOnly(builder.readOnly);
            this.transactions = template;
        } else {
            this.transactions = null;
        }
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoffMillis = builder.initialBackoffMillis;
        this.maxBackoffMillis = builder.maxBackoffMillis;
        this.listener = builder.listener;
    }

    /**
     * A builder of a template that begins and ends each attempt's transaction with the transaction manager.
     *
     * @param transactionManager the transaction manager
     * @return the builder
     */
    public static Builder builder(PlatformTransactionManager transactionManager) {
        if (transactionManager == null) {
            throw new IllegalArgumentException("transactionManager must not be null");
        }
        return new Builder(transactionManager);
    }

    /**
     * A builder of a template for units that begin and end their own transaction (a call of a {@code @Transactional}
     * method): only {@link #call(Supplier)} is available.
     *
     * @return the builder
     */
    public static Builder forUnits() {
        return new Builder(null);
    }

    /**
     * Runs the action in a transaction, again on a retryable failure.
     *
     * @param action the transaction's work
     * @param <T> the result type
     * @return the action's result
     * @throws IllegalStateException when the template was built {@link #forUnits()}
     * @throws RuntimeException the failure of the last attempt, or the first failure that is not retryable
     */
    public <T> @Nullable T execute(TransactionCallback<T> action) {
        TransactionTemplate template = transactions;
        if (template == null) {
            throw new IllegalStateException("This TransactionRetryTemplate runs units that open their own transaction;"
                    + " build it with TransactionRetryTemplate.builder(transactionManager) to use execute");
        }
        return call(() -> template.execute(action));
    }

    /**
     * Runs the action in a transaction, again on a retryable failure.
     *
     * @param action the transaction's work
     * @throws IllegalStateException when the template was built {@link #forUnits()}
     * @throws RuntimeException the failure of the last attempt, or the first failure that is not retryable
     */
    @SuppressWarnings(
            "NullAway") // T is Void here, whose one value is null; NullAway cannot see a type argument's nullness
    public void executeWithoutResult(Consumer<TransactionStatus> action) {
        this.<@Nullable Void>execute(status -> {
            action.accept(status);
            return null;
        });
    }

    /**
     * Runs a unit that begins and ends its own transaction, again on a retryable failure; inside a transaction that is
     * already active it runs once.
     *
     * @param unit the unit of work
     * @param <T> the result type
     * @return the unit's result
     * @throws RuntimeException the failure of the last attempt, or the first failure that is not retryable
     */
    public <T> T call(Supplier<T> unit) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // The unit joins the outer transaction, which a failure has already doomed: the outer one is retried.
            return unit.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return unit.get();
            } catch (RuntimeException ex) {
                String sqlState = RetryableFailures.retryableSqlState(ex);
                if (sqlState == null || attempt >= maxAttempts) {
                    if (sqlState != null) {
                        logger.debug("Transaction failed with SQLSTATE {} on its last attempt ({})", sqlState, attempt);
                    }
                    throw ex;
                }
                Duration backoff = backoff(attempt);
                listener.onRetry(sqlState, attempt, backoff);
                logger.debug(
                        "Transaction failed with SQLSTATE {} (attempt {} of {}); retrying in {} ms",
                        sqlState,
                        attempt,
                        maxAttempts,
                        backoff.toMillis());
                if (!sleep(backoff)) {
                    throw ex;
                }
            }
        }
    }

    /** A random wait up to the exponential bound of this attempt (full jitter), so that retries do not collide. */
    private Duration backoff(int attempt) {
        long bound = initialBackoffMillis;
        for (int i = 1; i < attempt && bound < maxBackoffMillis; i++) {
            bound *= 2;
        }
        bound = Math.min(bound, maxBackoffMillis);
        return Duration.ofMillis(bound == 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1));
    }

    private static boolean sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
            return true;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return "TransactionRetryTemplate[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoffMillis
                + " ms, maxBackoff=" + maxBackoffMillis + " ms]";
    }

    /** Configures a {@link TransactionRetryTemplate}. Not thread-safe. */
    public static final class Builder {

        private final @Nullable PlatformTransactionManager transactionManager;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private long initialBackoffMillis = DEFAULT_INITIAL_BACKOFF_MILLIS;
        private long maxBackoffMillis = DEFAULT_MAX_BACKOFF_MILLIS;
        private int isolation = TransactionDefinition.ISOLATION_DEFAULT;
        private int timeoutSeconds = TransactionDefinition.TIMEOUT_DEFAULT;
        private boolean readOnly;
        private TransactionRetryListener listener = TransactionRetryListener.NONE;

        private Builder(@Nullable PlatformTransactionManager transactionManager) {
            this.transactionManager = transactionManager;
        }

        /**
         * How many times the transaction runs at most, the first attempt included (default {@value
         * #DEFAULT_MAX_ATTEMPTS}).
         *
         * @param maxAttempts the attempts
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1 but was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The bound of the first wait (default 20 ms); each later bound doubles up to {@link #maxBackoff(Duration)}.
         *
         * @param initialBackoff the first bound
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder initialBackoff(Duration initialBackoff) {
            if (initialBackoff.isNegative()) {
                throw new IllegalArgumentException("initialBackoff must be >= 0 but was " + initialBackoff);
            }
            this.initialBackoffMillis = initialBackoff.toMillis();
            return this;
        }

        /**
         * The largest bound of a wait (default 1 s).
         *
         * @param maxBackoff the cap
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder maxBackoff(Duration maxBackoff) {
            if (maxBackoff.isNegative()) {
                throw new IllegalArgumentException("maxBackoff must be >= 0 but was " + maxBackoff);
            }
            this.maxBackoffMillis = maxBackoff.toMillis();
            return this;
        }

        /**
         * The isolation level of each attempt's transaction, a {@link TransactionDefinition} constant.
         *
         * @param isolation e.g. {@link TransactionDefinition#ISOLATION_SERIALIZABLE}
         * @return this builder
         */
        public Builder isolation(int isolation) {
            this.isolation = isolation;
            return this;
        }

        /**
         * The timeout of each attempt's transaction.
         *
         * @param timeoutSeconds seconds, or {@link TransactionDefinition#TIMEOUT_DEFAULT}
         * @return this builder
         */
        public Builder timeoutSeconds(int timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            return this;
        }

        /**
         * Whether each attempt's transaction is read-only.
         *
         * @param readOnly {@code true} for read-only
         * @return this builder
         */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * Hears each retry (default: none).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(TransactionRetryListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Builds the template.
         *
         * @return the template
         * @throws IllegalArgumentException when the initial backoff exceeds the maximum
         */
        public TransactionRetryTemplate build() {
            if (initialBackoffMillis > maxBackoffMillis) {
                throw new IllegalArgumentException("initialBackoff (" + initialBackoffMillis
                        + " ms) must not exceed maxBackoff (" + maxBackoffMillis + " ms)");
            }
            return new TransactionRetryTemplate(this);
        }
    }
}
