package io.databridge.transaction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the whole transactional unit again when it fails with a failure PostgreSQL says to retry: a serialization
 * failure ({@code 40001}), a deadlock ({@code 40P01}), a lock not available ({@code 55P03}), or a connection lost
 * before {@code COMMIT} was sent (see {@link io.databridge.error.RetryableFailures}). Put it next to {@code
 * @Transactional} on a method of a Spring bean: the retry wraps the transaction, so each attempt is a new transaction.
 *
 * <pre>{@code
 * @RetryableTransaction(maxAttempts = 5)
 * @Transactional(isolation = Isolation.SERIALIZABLE)
 * public void transfer(UUID from, UUID to, BigDecimal amount) { ... }
 * }</pre>
 *
 * <p>Between attempts the thread waits a random time up to an exponentially growing bound (full jitter), starting at
 * {@link #initialBackoffMillis()} and capped at {@link #maxBackoffMillis()}. Never retried: a call made inside an outer
 * transaction (the outer one must be retried as a whole, so the failure goes to it), and a commit whose outcome is
 * unknown because the connection went after {@code COMMIT} was sent. The method must be safe to run again: side effects
 * outside the database (messages, HTTP calls) happen once per attempt. Under Spring Boot, data-bridge's
 * auto-configuration applies it; elsewhere use {@link TransactionRetryTemplate}.
 */
@Documented
@Inherited
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryableTransaction {

    /**
     * How many times the unit runs at most, the first attempt included.
     *
     * @return the attempts, {@code >= 1}
     */
    int maxAttempts() default TransactionRetryTemplate.DEFAULT_MAX_ATTEMPTS;

    /**
     * The bound of the first wait, in milliseconds; each later bound doubles.
     *
     * @return the first bound, {@code >= 0}
     */
    long initialBackoffMillis() default TransactionRetryTemplate.DEFAULT_INITIAL_BACKOFF_MILLIS;

    /**
     * The largest bound of a wait, in milliseconds.
     *
     * @return the cap, {@code >= initialBackoffMillis()}
     */
    long maxBackoffMillis() default TransactionRetryTemplate.DEFAULT_MAX_BACKOFF_MILLIS;
}
