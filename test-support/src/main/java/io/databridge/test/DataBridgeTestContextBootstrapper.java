package io.databridge.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Reads {@link DataBridgeTest#properties()} into the test's environment. */
final class DataBridgeTestContextBootstrapper extends TestSliceTestContextBootstrapper<DataBridgeTest> {}
