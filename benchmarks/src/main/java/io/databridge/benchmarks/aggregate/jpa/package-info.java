/**
 * The Spring Data JPA / Hibernate peer of the aggregate scenarios: entities mapped to {@code agg_order},
 * {@code agg_line} and {@code agg_customer}, their repositories and configuration (own package, so the single-table
 * {@code jpa} persistence unit does not scan them).
 */
@NullMarked
package io.databridge.benchmarks.aggregate.jpa;

import org.jspecify.annotations.NullMarked;
