/**
 * Real PostgreSQL for tests. {@link io.databridge.testdb.TestDatabase} resolves one server per JVM (an explicit URL, a
 * local server, Testcontainers, or the embedded server) and {@link io.databridge.testdb.PostgresTest} gives each test
 * class its own schema on it.
 */
@NullMarked
package io.databridge.testdb;

import org.jspecify.annotations.NullMarked;
