package io.databridge.audit;

import io.databridge.error.HasErrorId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail on the logger {@value AuditTrail#LOGGER}: INFO events whose message is the event name and whose
 * key-value pairs carry the detail. Reads the transaction's audit id from the thread's transaction resources, where
 * {@link #beginTransaction()} put it. Thread-safe.
 */
final class LoggingAuditTrail implements AuditTrail {

    private static final Logger logger = LoggerFactory.getLogger(AuditTrail.LOGGER);

    /** The key of the current transaction's audit state among the thread's transaction resources. */
    private static final Object TRANSACTION_KEY = new Object() {
        @Override
        public String toString() {
            return "data-bridge audit transaction";
        }
    };

    /** The key of the input hashes: random per process, see {@link #hash(String)}. */
    private static final byte[] HASH_KEY = randomKey();

    private final Supplier<Optional<String>> principal;

    LoggingAuditTrail(Supplier<Optional<String>> principal) {
        this.principal = principal;
    }

    /** The audit state of a running transaction. */
    private record Transaction(String id, long started) {}

    /** The thread's running transactions, innermost first: a REQUIRES_NEW transaction runs inside a suspended one. */
    private static Deque<Transaction> transactions(boolean create) {
        Object bound = TransactionSynchronizationManager.getResource(TRANSACTION_KEY);
        if (bound instanceof Deque<?> deque) {
            @SuppressWarnings("unchecked")
            Deque<Transaction> typed = (Deque<Transaction>) deque;
            return typed;
        }
        Deque<Transaction> deque = new ArrayDeque<>();
        if (create) {
            TransactionSynchronizationManager.bindResource(TRANSACTION_KEY, deque);
        }
        return deque;
    }

    @Override
    public boolean enabled() {
        return logger.isInfoEnabled();
    }

    @Override
    public void statement(String task, long rows, long nanos, @Nullable Throwable failure) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        int space = task.indexOf(' ');
        LoggingEventBuilder event = logger.atInfo()
                .addKeyValue("event", "statement")
                .addKeyValue("operation", space < 0 ? task : task.substring(0, space))
                .addKeyValue("entity", space < 0 ? "" : task.substring(space + 1));
        if (rows >= 0) {
            event = event.addKeyValue("rows", rows);
        }
        finish(event.addKeyValue("durationMs", nanos / 1_000_000.0), failure).log("statement");
    }

    @Override
    public String beginTransaction() {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL | 0x1_0000_0000_0000L)
                .substring(1);
        transactions(true).push(new Transaction(id, System.nanoTime()));
        return id;
    }

    @Override
    public void endTransaction(String outcome, @Nullable Throwable failure) {
        Deque<Transaction> running = transactions(false);
        Transaction transaction = running.poll();
        if (running.isEmpty()) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TRANSACTION_KEY);
        }
        if (transaction == null || !logger.isInfoEnabled()) {
            return;
        }
        LoggingEventBuilder event = logger.atInfo()
                .addKeyValue("event", "transaction")
                .addKeyValue("result", outcome)
                .addKeyValue("transactionId", transaction.id())
                .addKeyValue("durationMs", (System.nanoTime() - transaction.started()) / 1_000_000.0);
        addFailure(addPrincipal(event), failure).log("transaction " + outcome);
    }

    @Override
    public void pool(String event, @Nullable Throwable failure) {
        if (logger.isInfoEnabled()) {
            finish(logger.atInfo().addKeyValue("event", "pool").addKeyValue("poolEvent", event), failure)
                    .log("pool " + event);
        }
    }

    @Override
    public void migration(String script, String outcome, long millis, @Nullable Throwable failure) {
        if (logger.isInfoEnabled()) {
            finish(
                            logger.atInfo()
                                    .addKeyValue("event", "migration")
                                    .addKeyValue("script", script)
                                    .addKeyValue("outcome", outcome)
                                    .addKeyValue("durationMs", millis),
                            failure)
                    .log("migration " + outcome);
        }
    }

    @Override
    public void rejectedInput(String event, String subject, String input) {
        if (logger.isInfoEnabled()) {
            security(event)
                    .addKeyValue("subject", subject)
                    .addKeyValue("inputLength", input.length())
                    .addKeyValue("inputHash", hash(input))
                    .log("security " + event);
        }
    }

    @Override
    public void sanitizedError(HasErrorId failure) {
        if (logger.isInfoEnabled()) {
            LoggingEventBuilder event = security("error-sanitized")
                    .addKeyValue("errorId", failure.errorId())
                    .addKeyValue("exception", springType((Throwable) failure));
            if (failure.sqlState() != null) {
                event = event.addKeyValue("sqlState", failure.sqlState());
            }
            event.log("security error-sanitized");
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** A security event with the transaction id and the principal. */
    private LoggingEventBuilder security(String securityEvent) {
        LoggingEventBuilder event =
                logger.atInfo().addKeyValue("event", "security").addKeyValue("securityEvent", securityEvent);
        Transaction transaction = transactions(false).peek();
        if (transaction != null) {
            event = event.addKeyValue("transactionId", transaction.id());
        }
        return addPrincipal(event);
    }

    /**
     * A keyed hash of rejected input, 16 hexadecimal characters: it tells repeated attempts with the same input apart
     * from different ones within this process, and, keyed with a random key per process, cannot be reversed by
     * hashing guesses elsewhere (a short input could be, with a plain hash).
     */
    static String hash(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HASH_KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException ex) {
            return "unavailable";
        }
    }

    /** Adds the transaction id, the principal and the failure. */
    private LoggingEventBuilder finish(LoggingEventBuilder event, @Nullable Throwable failure) {
        Transaction transaction = transactions(false).peek();
        if (transaction != null) {
            event = event.addKeyValue("transactionId", transaction.id());
        }
        return addFailure(addPrincipal(event), failure);
    }

    private LoggingEventBuilder addPrincipal(LoggingEventBuilder event) {
        Optional<String> name;
        try {
            name = principal.get();
        } catch (RuntimeException ex) {
            name = Optional.of("<unavailable: " + ex.getClass().getSimpleName() + ">");
        }
        return name.isPresent() ? event.addKeyValue("principal", name.get()) : event;
    }

    /** The type a caller catches: the nearest Spring or JDK class, not data-bridge's package-private subclasses. */
    private static String springType(Throwable failure) {
        Class<?> type = failure.getClass();
        while (type.getSuperclass() != null && type.getName().startsWith("io.databridge.error.")) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }

    /** The outcome, the exception type and the error id: never the message, which may name tables or values. */
    private static LoggingEventBuilder addFailure(LoggingEventBuilder event, @Nullable Throwable failure) {
        if (failure == null) {
            return event.addKeyValue("outcome", "success");
        }
        event = event.addKeyValue("outcome", "failure").addKeyValue("exception", springType(failure));
        if (failure instanceof HasErrorId identified) {
            event = event.addKeyValue("errorId", identified.errorId());
            if (identified.sqlState() != null) {
                event = event.addKeyValue("sqlState", identified.sqlState());
            }
        }
        return event;
    }
}
