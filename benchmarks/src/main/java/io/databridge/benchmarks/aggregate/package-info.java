/**
 * Aggregate scenarios (issue 11): load 100 roots with a to-one and 10 children each, and save an aggregate of one root
 * and 10 children then change one child and save again; data-bridge against the minimal hand-written pgjdbc statements.
 */
@NullMarked
package io.databridge.benchmarks.aggregate;

import org.jspecify.annotations.NullMarked;
