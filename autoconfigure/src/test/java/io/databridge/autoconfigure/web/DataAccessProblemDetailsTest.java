package io.databridge.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.error.PgExceptionTranslator;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The status and client-safe detail of each kind of data-access failure, as the translator produces them from the
 * driver's SQLSTATEs, sanitizing or not; and the opt-in.
 */
class DataAccessProblemDetailsTest {

    private static final PgExceptionTranslator SANITIZING = new PgExceptionTranslator(true);
    private static final PgExceptionTranslator VERBOSE = new PgExceptionTranslator(false);

    @Test
    void duplicateKeyAndStaleVersionAreConflicts() {
        assertMapping(
                state("23505"), HttpStatus.CONFLICT, "Duplicate key: a row with the same unique key already exists");
        assertMapping(
                SANITIZING.optimisticLockingFailure("update Customer id=7 version=3"),
                HttpStatus.CONFLICT,
                "Optimistic locking failure: the row was updated or deleted by another transaction since it was read");
    }

    @Test
    void integrityAndValueErrorsAreBadRequests() {
        assertMapping(
                state("23502"), HttpStatus.BAD_REQUEST, "Not-null constraint violated: a required value is missing");
        assertMapping(state("22001"), HttpStatus.BAD_REQUEST, "Invalid data: a value is too long for its column type");
    }

    @Test
    void timeoutsLockWaitsPoolExhaustionAndLostConnectionsAreUnavailable() {
        assertMapping(
                state("57014"),
                HttpStatus.SERVICE_UNAVAILABLE,
                "Query canceled: the statement timed out or was canceled");
        assertMapping(
                state("55P03"),
                HttpStatus.SERVICE_UNAVAILABLE,
                "Lock not available: another transaction holds a lock this statement needs");
        assertMapping(
                state("08006"),
                HttpStatus.SERVICE_UNAVAILABLE,
                "Connection failure: cannot connect to the database or the connection was lost");
        DataAccessException poolTimeout = SANITIZING.translateConnectionFailure(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("data-bridge - Connection is not available, request timed out")));
        assertMapping(
                poolTimeout,
                HttpStatus.SERVICE_UNAVAILABLE,
                "Connection failure: cannot connect to the database or the connection was lost");
    }

    @Test
    void everythingElseIsAnInternalErrorWithAFixedDetail() {
        assertMapping(
                state("42P01"), HttpStatus.INTERNAL_SERVER_ERROR, "Bad SQL grammar: a table or view does not exist");
        DataAccessProblemDetails problem =
                DataAccessProblemDetails.of(new IncorrectResultSizeDataAccessException("query Customer", 1, 2));
        assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(problem.detail()).isEqualTo("Database error: the request could not be completed");
        assertThat(problem.errorId()).matches("[0-9a-f]{12}");
    }

    @Test
    void problemDetailsAreOptIn() {
        WebApplicationContextRunner runner = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataBridgeProblemDetailsAutoConfiguration.class));
        runner.run(context -> assertThat(context).doesNotHaveBean(ResponseEntityExceptionHandler.class));
        runner.withPropertyValues("data-bridge.errors.problem-details=true")
                .run(context -> assertThat(context).hasSingleBean(DataAccessProblemDetailsExceptionHandler.class));
    }

    /** Sanitizing or not, the body's detail is the same summary, and the error id is the exception's. */
    private static void assertMapping(DataAccessException failure, HttpStatus status, String detail) {
        DataAccessProblemDetails problem = DataAccessProblemDetails.of(failure);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.detail()).isEqualTo(detail);
        assertThat(failure.getMessage()).contains("[error id " + problem.errorId() + "]");
    }

    private static DataAccessException state(String sqlState) {
        SQLException driver = new SQLException("ERROR: in table customers, value 'ada@example.com'", sqlState);
        DataAccessException verbose = VERBOSE.translate("insert Customer", "INSERT INTO customers ...", driver);
        assertThat(DataAccessProblemDetails.of(verbose).detail())
                .doesNotContain("customers")
                .doesNotContain("ada");
        return SANITIZING.translate("insert Customer", "INSERT INTO customers ...", driver);
    }
}
