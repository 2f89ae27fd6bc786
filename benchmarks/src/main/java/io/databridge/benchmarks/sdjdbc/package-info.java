/** The Spring Data JDBC peer of the comparison: its entities, repositories and configuration. */
@NullMarked
package io.databridge.benchmarks.sdjdbc;

import org.jspecify.annotations.NullMarked;
