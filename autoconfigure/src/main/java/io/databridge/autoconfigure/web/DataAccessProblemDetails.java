package io.databridge.autoconfigure.web;

import io.databridge.error.HasErrorId;
import io.databridge.error.PgExceptionTranslator;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The HTTP status and the client-safe detail of a data-access failure. The detail never holds a class, table, column,
 * constraint or value: for data-bridge's translated exceptions it is the sanitized summary (the message up to its
 * error id, the same text with {@code data-bridge.errors.sanitize} on or off); for any other exception a fixed text
 * per status. Immutable.
 *
 * @param status the HTTP status
 * @param detail the client-safe detail
 * @param errorId the error id under which the full failure is logged
 * @param logged whether the failure still has to be logged under the id (it was not translated by data-bridge)
 */
record DataAccessProblemDetails(HttpStatus status, String detail, String errorId, boolean logged) {

    static final String BAD_REQUEST_DETAIL = "Invalid request: a value or sort key in the request cannot be used";

    static final String UNAVAILABLE_DETAIL = "Database unavailable: the request could not be served now; retry later";

    static final String INTERNAL_DETAIL = "Database error: the request could not be completed";

    private static final String ERROR_ID_MARK = " [error id ";

    /**
     * The mapping: duplicate key and stale version 409; integrity and value errors, and values or sort keys data-bridge
     * cannot use, 400; timeouts, lock waits, pool exhaustion and lost connections 503; everything else 500.
     *
     * @param failure the failure
     * @return its status, detail and error id
     */
    static DataAccessProblemDetails of(DataAccessException failure) {
        HttpStatus status = status(failure);
        if (failure instanceof HasErrorId withId) {
            String message = String.valueOf(failure.getMessage());
            int mark = message.indexOf(ERROR_ID_MARK);
            String detail = mark > 0 ? message.substring(0, mark) : fixedDetail(status);
            return new DataAccessProblemDetails(status, detail, withId.errorId(), true);
        }
        return new DataAccessProblemDetails(status, fixedDetail(status), PgExceptionTranslator.newErrorId(), false);
    }

    private static HttpStatus status(DataAccessException failure) {
        if (failure instanceof DuplicateKeyException || failure instanceof OptimisticLockingFailureException) {
            return HttpStatus.CONFLICT;
        }
        if (failure instanceof DataIntegrityViolationException || isRequestValue(failure)) {
            return HttpStatus.BAD_REQUEST;
        }
        if (failure instanceof QueryTimeoutException
                || failure instanceof CannotAcquireLockException
                || failure instanceof TransientDataAccessResourceException
                || failure instanceof DataAccessResourceFailureException
                || failure instanceof CannotGetJdbcConnectionException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /**
     * A value data-bridge cannot bind ({@code Cannot bind Customer.name (String): ...}) or a sort key that is no
     * property ({@code Cannot sort Customer by ...}): both come from the request. Other API misuse is the
     * application's bug, a 500.
     */
    private static boolean isRequestValue(DataAccessException failure) {
        String message = failure.getMessage();
        return failure instanceof InvalidDataAccessApiUsageException
                && message != null
                && (message.startsWith("Cannot bind ") || message.startsWith("Cannot sort "));
    }

    private static String fixedDetail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> BAD_REQUEST_DETAIL;
            case SERVICE_UNAVAILABLE -> UNAVAILABLE_DETAIL;
            default -> INTERNAL_DETAIL;
        };
    }
}
