/**
 * The {@link io.databridge.test.DataBridgeTest @DataBridgeTest} slice: data-bridge's beans and the application's
 * repositories against a real PostgreSQL from {@code data-bridge-test-database}, each test in a rolled-back
 * transaction.
 */
@NullMarked
package io.databridge.test;

import org.jspecify.annotations.NullMarked;
