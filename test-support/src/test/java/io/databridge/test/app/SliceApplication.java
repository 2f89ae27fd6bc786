package io.databridge.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application a {@code @DataBridgeTest} finds by searching up from the test's package. */
@SpringBootApplication
public class SliceApplication {}
