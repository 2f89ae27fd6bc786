package io.databridge.audit;

import io.databridge.error.HasErrorId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AuditorAware;

/**
 * Where data-bridge reports what happened for an audit: one event per write statement, per transaction outcome, per
 * pool event (connection lost, pool exhausted), per migration script and per security event (a rejected identifier
 * or sort key, a sanitized error), each with its operation, entity, row count,
 * duration, transaction id, error id and the caller's principal, as key-value pairs and never a bound value. {@link
 * #off()} (the default) does nothing at no cost; {@link #toLog(AuditorAware)} writes to the SLF4J logger {@value
 * #LOGGER} at INFO with SLF4J 2's key-value pairs, so a JSON encoder (Logback's {@code JsonEncoder}, Logstash's) keeps
 * them as fields. Under Spring Boot, {@code data-bridge.audit.enabled=true} turns it on; an {@link AuditorAware} bean
 * (which may read Spring Security's {@code SecurityContextHolder}) names the principal.
 *
 * <p>The methods other than the factories are called by data-bridge's own components. Implementations are
 * thread-safe.
 */
public interface AuditTrail {

    /** The logger the events go to. */
    String LOGGER = "io.databridge.audit";

    /**
     * The audit trail that records nothing.
     *
     * @return the no-op trail
     */
    static AuditTrail off() {
        return Off.INSTANCE;
    }

    /**
     * An audit trail on the logger {@value #LOGGER}.
     *
     * @param auditor names the caller's principal; {@code Optional::empty} for none
     * @return the trail
     */
    static AuditTrail toLog(AuditorAware<?> auditor) {
        return new LoggingAuditTrail(() -> auditor.getCurrentAuditor().map(String::valueOf));
    }

    /**
     * An audit trail on the logger {@value #LOGGER} without principals.
     *
     * @return the trail
     */
    static AuditTrail toLog() {
        return new LoggingAuditTrail(Optional::empty);
    }

    /**
     * Whether events are recorded; when not, callers skip the work of preparing them.
     *
     * @return {@code true} when on
     */
    boolean enabled();

    /**
     * A statement ran (or failed).
     *
     * @param task the engine's task, e.g. {@code insert User}, {@code insertAll Order}, {@code sql update}
     * @param rows the rows written, {@code -1} when unknown
     * @param nanos how long it took
     * @param failure what the caller got, {@code null} on success
     */
    void statement(String task, long rows, long nanos, @Nullable Throwable failure);

    /**
     * A transaction began; the id is attached to the events of its statements and outcome.
     *
     * @return the transaction's audit id
     */
    String beginTransaction();

    /**
     * A transaction ended.
     *
     * @param outcome {@code commit} or {@code rollback}
     * @param failure why the outcome failed, {@code null} when it did not
     */
    void endTransaction(String outcome, @Nullable Throwable failure);

    /**
     * Something happened to the pool or a connection: {@code connection-lost}, {@code pool-exhausted}, {@code
     * connection-evicted}.
     *
     * @param event the event
     * @param failure the failure that revealed it, {@code null} when none
     */
    void pool(String event, @Nullable Throwable failure);

    /**
     * A migration script ran.
     *
     * @param script the script's file name
     * @param outcome {@code applied}, {@code undone} or {@code failed}
     * @param millis how long it took
     * @param failure why it failed, {@code null} when it did not
     */
    void migration(String script, String outcome, long millis, @Nullable Throwable failure);

    /**
     * A security-relevant refusal: input that would have become SQL text was rejected before any SQL ran, an
     * identifier ({@code identifier-rejected}: a table alias, a function name) or a sort key ({@code
     * sort-key-rejected}: a {@code Sort} property the entity does not have). The input may come from a request and
     * carry anything, so the event records its length and a hash, never the text. The default records nothing.
     *
     * @param event {@code identifier-rejected} or {@code sort-key-rejected}
     * @param subject what the input was meant to name, e.g. {@code table alias}, {@code sort key of Customer}
     * @param input the rejected input, not to be recorded as it is
     */
    default void rejectedInput(String event, String subject, String input) {}

    /**
     * A failure whose server message, hint or context quoted values that sanitizing took out before logging it on
     * {@code io.databridge.error}: the event records the error id, the SQLSTATE and the exception type. The default
     * records nothing.
     *
     * @param failure the sanitized exception the caller gets
     */
    default void sanitizedError(HasErrorId failure) {}

    /** The trail that records nothing. */
    enum Off implements AuditTrail {
        INSTANCE;

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void statement(String task, long rows, long nanos, @Nullable Throwable failure) {}

        @Override
        public String beginTransaction() {
            return "";
        }

        @Override
        public void endTransaction(String outcome, @Nullable Throwable failure) {}

        @Override
        public void pool(String event, @Nullable Throwable failure) {}

        @Override
        public void migration(String script, String outcome, long millis, @Nullable Throwable failure) {}
    }
}
