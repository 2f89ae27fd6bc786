package io.databridge.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Assertions shared by the translation tests. */
public final class Failures {

    static final String ERROR_ID = "[0-9a-f]{12}";

    private Failures() {}

    /** The Spring type an exception presents to users: its nearest {@code org.springframework} class. */
    static Class<?> springType(Throwable exception) {
        Class<?> type = exception.getClass();
        while (!type.getName().startsWith("org.springframework.")) {
            type = type.getSuperclass();
        }
        return type;
    }

    static String errorId(Throwable exception) {
        assertThat(exception).isInstanceOf(HasErrorId.class);
        return ((HasErrorId) exception).errorId();
    }

    /**
     * The exception, its causes and everything they suppressed.
     *
     * @param exception the exception
     * @return the exception first, then everything reachable from it, each once
     */
    public static List<Throwable> chain(Throwable exception) {
        List<Throwable> chain = new ArrayList<>();
        collect(exception, chain);
        return chain;
    }

    private static void collect(Throwable exception, List<Throwable> chain) {
        if (chain.contains(exception)) {
            return;
        }
        chain.add(exception);
        for (Throwable suppressed : exception.getSuppressed()) {
            collect(suppressed, chain);
        }
        if (exception instanceof SQLException sqlException && sqlException.getNextException() != null) {
            collect(sqlException.getNextException(), chain);
        }
        if (exception.getCause() != null) {
            collect(exception.getCause(), chain);
        }
    }

    /**
     * Asserts the sanitized shape: the message is the summary and the error id, the exception stands alone, and none
     * of the forbidden strings appear in its message, its string form or its stack trace's messages.
     */
    static void assertSanitized(Throwable exception, String summary, String... forbidden) {
        String errorId = errorId(exception);
        assertThat(errorId).matches(ERROR_ID);
        assertThat(exception.getMessage()).isEqualTo(summary + " [error id " + errorId + "]");
        assertThat(exception.getCause()).isNull();
        assertThat(chain(exception)).noneMatch(SQLException.class::isInstance);
        // The random id could by chance contain a short forbidden string; look at everything else.
        String message = exception.getMessage().replace(errorId, "");
        String string = exception.toString().replace(errorId, "");
        for (String text : forbidden) {
            assertThat(message).doesNotContainIgnoringCase(text);
            assertThat(string).doesNotContainIgnoringCase(text);
        }
    }
}
