/**
 * The audit trail: structured events of writes, transaction outcomes, pool and migration events on the logger
 * {@code io.databridge.audit}, off by default.
 */
@NullMarked
package io.databridge.audit;

import org.jspecify.annotations.NullMarked;
