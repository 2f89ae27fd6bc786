package io.databridge.migration;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.NonTransientDataAccessException;

/**
 * Migrations cannot run or did not apply: a script failed (its transaction was rolled back and nothing of it was
 * recorded), an applied script was changed or removed, or scripts are inconsistent. The message names the script and
 * what to do.
 */
public class MigrationException extends NonTransientDataAccessException {

    /**
     * Creates the exception.
     *
     * @param message what failed and how to fix it
     * @param cause the underlying failure, if any
     */
    public MigrationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
