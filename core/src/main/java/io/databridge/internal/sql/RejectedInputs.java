package io.databridge.internal.sql;

import java.lang.ref.WeakReference;
import org.jspecify.annotations.Nullable;

/**
 * Where refusals of input that would have become SQL text are reported for the audit trail: identifiers ({@link
 * Identifiers#validate}) and sort keys. They happen while a query is being built, before any engine is involved (an
 * alias or a {@code Sort} is checked where it is created), so the report goes to one process-wide listener: the audit
 * trail of the most recently built engine that has one on (an application has one engine; the reference is weak, so a
 * discarded engine does not stay reachable). Without a listener nothing is done. Thread-safe.
 */
public final class RejectedInputs {

    /** The event of a rejected identifier. */
    public static final String IDENTIFIER = "identifier-rejected";

    /** The event of a rejected sort key. */
    public static final String SORT_KEY = "sort-key-rejected";

    /** Receives refusals; data-bridge's audit wiring implements it. */
    @FunctionalInterface
    public interface Listener {

        /**
         * Input was refused before any SQL ran.
         *
         * @param event {@link #IDENTIFIER} or {@link #SORT_KEY}
         * @param subject what the input was meant to name, e.g. {@code table alias}
         * @param input the input, which may come from a request: not to be recorded as it is
         */
        void rejected(String event, String subject, String input);
    }

    private static volatile @Nullable WeakReference<Listener> listener;

    private RejectedInputs() {}

    /**
     * Sends later refusals to {@code target}, replacing the listener before it. The caller keeps {@code target}
     * reachable for as long as it should hear of them.
     *
     * @param target the listener
     */
    public static void reportTo(Listener target) {
        listener = new WeakReference<>(target);
    }

    /**
     * Reports a refusal.
     *
     * @param event {@link #IDENTIFIER} or {@link #SORT_KEY}
     * @param subject what the input was meant to name
     * @param input the input
     */
    public static void report(String event, String subject, String input) {
        WeakReference<Listener> current = listener;
        Listener target = current == null ? null : current.get();
        if (target != null) {
            target.rejected(event, subject, input);
        }
    }
}
