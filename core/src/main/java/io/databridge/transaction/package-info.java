/**
 * Transactions: a transaction manager that keeps every failure in Spring's
 * {@link org.springframework.dao.DataAccessException} hierarchy, and retries of whole transactions on the failures
 * PostgreSQL says to retry.
 */
@NullMarked
package io.databridge.transaction;

import org.jspecify.annotations.NullMarked;
