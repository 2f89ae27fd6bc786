package io.databridge.autoconfigure.web;

import io.databridge.error.PgExceptionTranslator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers data-access failures with an RFC 9457 problem detail ({@code application/problem+json}): the status of
 * {@link DataAccessProblemDetails}, a client-safe {@code detail} and the {@code errorId} under which the full failure
 * is logged. Spring MVC's own errors (unreadable JSON, validation, missing parameters, ...) come through the same
 * format, with an {@code errorId} too. Thread-safe.
 */
@ControllerAdvice
final class DataAccessProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

    /** The problem-detail property that holds the error id. */
    static final String ERROR_ID = "errorId";

    private static final Logger log = LoggerFactory.getLogger(DataAccessProblemDetailsExceptionHandler.class);

    /**
     * A data-access failure as a problem detail.
     *
     * @param failure the failure
     * @param request the request
     * @return the problem response
     */
    @ExceptionHandler(DataAccessException.class)
    @Nullable
    ResponseEntity<Object> handleDataAccessException(DataAccessException failure, WebRequest request) {
        DataAccessProblemDetails problem = DataAccessProblemDetails.of(failure);
        if (!problem.logged()) {
            if (problem.status().is5xxServerError()) {
                log.error(
                        "[error id {}] {} {}",
                        problem.errorId(),
                        problem.status().value(),
                        failure,
                        failure);
            } else {
                log.warn(
                        "[error id {}] {} {}",
                        problem.errorId(),
                        problem.status().value(),
                        failure);
            }
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.detail());
        body.setProperty(ERROR_ID, problem.errorId());
        return handleExceptionInternal(failure, body, new HttpHeaders(), problem.status(), request);
    }

    /** Every problem body this handler writes, Spring MVC's own included, carries an error id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey(ERROR_ID))) {
            String errorId = PgExceptionTranslator.newErrorId();
            problem.setProperty(ERROR_ID, errorId);
            log.debug("[error id {}] {} {}", errorId, statusCode.value(), problem.getDetail());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
