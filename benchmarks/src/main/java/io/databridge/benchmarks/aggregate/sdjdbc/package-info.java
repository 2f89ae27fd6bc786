/**
 * The Spring Data JDBC peer of the aggregate scenarios: the order aggregate (root and lines) and the customer
 * aggregate mapped to the same tables, their repositories and configuration (own package, so the single-table
 * {@code sdjdbc} repositories do not scan them).
 */
@NullMarked
package io.databridge.benchmarks.aggregate.sdjdbc;

import org.jspecify.annotations.NullMarked;
