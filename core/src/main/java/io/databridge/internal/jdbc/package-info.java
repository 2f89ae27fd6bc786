/**
 * Statement execution: {@link io.databridge.internal.jdbc.JdbcExecutor} borrows connections through Spring's {@code
 * DataSourceUtils}, observes and logs every unit of work, and translates failures; {@link
 * io.databridge.internal.jdbc.QueryExecutor} is the view of it the query DSL runs through; binding, reading and
 * result mapping helpers. Engine code: not an API, may change in any release.
 */
@NullMarked
package io.databridge.internal.jdbc;

import org.jspecify.annotations.NullMarked;
