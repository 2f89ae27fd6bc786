package io.databridge.error;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.*;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/** TEMPORARY STUB - replaced by the errors branch. */
public final class PgExceptionTranslator implements SQLExceptionTranslator {
    private final boolean sanitize;

    public PgExceptionTranslator(boolean sanitize) {
        this.sanitize = sanitize;
    }

    public static PgExceptionTranslator fromEnvironment() {
        return new PgExceptionTranslator(true);
    }

    public boolean sanitizing() {
        return sanitize;
    }

    @Override
    public DataAccessException translate(String task, @Nullable String sql, SQLException ex) {
        DataAccessException e = new SQLStateSQLExceptionTranslator().translate(task, sql, ex);
        return e == null ? new UncategorizedDataAccessException(task, ex) {} : e;
    }

    public DataAccessException translateConnectionFailure(CannotGetJdbcConnectionException ex) {
        return ex;
    }

    public OptimisticLockingFailureException optimisticLockingFailure(String detail) {
        return new OptimisticLockingFailureException("Optimistic locking failure: " + detail);
    }
}
