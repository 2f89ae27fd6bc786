package io.databridge.test;

import io.databridge.testdb.StatementRecorder;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Forgets what the context's {@link StatementRecorder}s recorded right before each test method runs, so {@code
 * recorded()} holds the statements of the test method (its {@code @BeforeEach} set-up excluded); the statements of a
 * transaction still open stay for {@code currentTransaction()}. Does nothing for a context without recorders and never
 * loads a context. Registered in {@code META-INF/spring.factories}.
 */
public final class StatementRecorderTestExecutionListener implements TestExecutionListener {

    /** Creates the listener; Spring's test framework does. */
    public StatementRecorderTestExecutionListener() {}

    @Override
    public void beforeTestExecution(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext
                    .getApplicationContext()
                    .getBeanProvider(StatementRecorder.class)
                    .forEach(StatementRecorder::reset);
        }
    }
}
