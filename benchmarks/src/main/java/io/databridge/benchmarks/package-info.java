/**
 * JMH benchmarks: the same eight scenarios, written the way each library's documentation recommends, against one
 * PostgreSQL schema through one HikariCP configuration. Run them with {@code benchmarks/run.sh}, never from a test.
 */
@NullMarked
package io.databridge.benchmarks;

import org.jspecify.annotations.NullMarked;
