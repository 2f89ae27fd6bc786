package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.error.Failures;
import java.sql.SQLException;
import java.util.List;
import org.springframework.dao.DataAccessException;

/** Assertions on what a failed data-bridge call threw. */
final class Chains {

    private Chains() {}

    /** The exception, its causes and everything they suppressed (one walk, shared with the error tests). */
    static List<Throwable> chain(Throwable exception) {
        return Failures.chain(exception);
    }

    /**
     * Asserts what a sanitizing data-bridge promises of every failure: a {@link DataAccessException} of the expected
     * type, with no driver exception anywhere in its chain and none of the forbidden texts in any message of it.
     */
    static void assertSanitizedFailure(Throwable thrown, Class<?> expectedType, String... forbidden) {
        assertThat(thrown).isInstanceOf(DataAccessException.class).isInstanceOf(expectedType);
        List<Throwable> chain = chain(thrown);
        assertThat(chain)
                .as("no driver exception in the chain of %s", thrown)
                .noneMatch(t -> t instanceof SQLException
                        || t.getClass().getName().startsWith("org.postgresql")
                        || t.getClass().getName().startsWith("com.zaxxer"));
        for (Throwable link : chain) {
            for (String text : forbidden) {
                assertThat(String.valueOf(link.getMessage())).doesNotContain(text);
            }
        }
    }
}
