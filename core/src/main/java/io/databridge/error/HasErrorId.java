package io.databridge.error;

import org.jspecify.annotations.Nullable;

/**
 * An exception that carries the error id under which its full detail was logged. Every exception that
 * {@link PgExceptionTranslator} returns implements it, so a service can show the id to its caller (an HTTP problem
 * response, a support ticket) and operators can find the detail in the log of {@code io.databridge.error}.
 *
 * <p>The exceptions stay Spring's types: catch {@link org.springframework.dao.DuplicateKeyException} and friends as
 * usual, and ask for the id when you need it:
 *
 * <pre>{@code
 * catch (DataAccessException e) {
 *     String id = e instanceof HasErrorId withId ? withId.errorId() : "none";
 * }
 * }</pre>
 *
 * <p>Implementations are immutable exceptions and thread-safe.
 */
public interface HasErrorId {

    /**
     * The error id: 12 lowercase hexadecimal characters, random per failure, e.g. {@code 3f9c2a1b7e40}.
     *
     * @return the error id, never {@code null}
     */
    String errorId();

    /**
     * The SQLSTATE of the failure, kept in sanitized mode too (it names no table, column or value), e.g. {@code
     * 40001}: what a retry policy or a metric needs without the driver's exception.
     *
     * @return the SQLSTATE, or {@code null} when the failure had none (a stale version detected by data-bridge, a
     *     pool that gave no connection in time)
     */
    default @Nullable String sqlState() {
        return null;
    }
}
