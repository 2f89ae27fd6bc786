/**
 * An embedded PostgreSQL server for development and tests: real PostgreSQL binaries from Maven Central, started
 * in a temporary directory and stopped with the JVM or when closed.
 */
@NullMarked
package io.databridge.embedded;

import org.jspecify.annotations.NullMarked;
