/** Testcontainers {@code @ServiceConnection} support: connection details for data-bridge from a PostgreSQL container. */
@NullMarked
package io.databridge.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
