package io.databridge.autoconfigure;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.observation.DefaultStatementObservationConvention;
import io.databridge.observation.StatementObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Statement observations and the slow-query log under Spring Boot. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityAutoConfigurationTest {

    private final ApplicationContextRunner runner = Runners.withTestDatabase();

    @Test
    void statementsAreReportedToTheContextsObservationRegistry() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withBean(ObservationRegistry.class, () -> registry).run(context -> {
            context.getBean(DataBridge.class).sql("SELECT 41 + 1").one(Integer.class);
            assertThat(registry)
                    .hasObservationWithNameEqualTo(DefaultStatementObservationConvention.NAME)
                    .that()
                    .hasLowCardinalityKeyValue("data-bridge.task", "sql query")
                    .hasHighCardinalityKeyValue("db.statement", "SELECT 41 + 1");
        });
    }

    @Test
    void aConventionBeanNamesTheObservations() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withBean(ObservationRegistry.class, () -> registry)
                .withBean(StatementObservationConvention.class, () -> new DefaultStatementObservationConvention() {
                    @Override
                    public String getName() {
                        return "orders.db";
                    }
                })
                .run(context -> {
                    context.getBean(DataBridge.class).sql("SELECT 1").one(Integer.class);
                    assertThat(registry).hasObservationWithNameEqualTo("orders.db");
                });
    }

    @Test
    void slowQueriesAreLoggedFromOneSecondByDefault(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context.getBean(DataBridgeProperties.class).getLogging().getSlowQueryThreshold())
                    .isEqualTo(Duration.ofSeconds(1));
            context.getBean(DataBridge.class).sql("SELECT 1 FROM pg_sleep(1.1)").one(Integer.class);
            context.getBean(DataBridge.class).sql("SELECT 2").one(Integer.class);
        });
        assertThat(output.getOut())
                .contains("Slow statement: sql query took ")
                .contains("(threshold 1000.000 ms); SQL: SELECT 1 FROM pg_sleep(1.1)")
                .doesNotContain("SQL: SELECT 2");
    }

    @Test
    void theThresholdIsConfigurableAndANegativeOneTurnsTheLogOff(CapturedOutput output) {
        runner.withPropertyValues("data-bridge.logging.slow-query-threshold=0ms")
                .run(context ->
                        context.getBean(DataBridge.class).sql("SELECT 3").one(Integer.class));
        assertThat(output.getOut()).contains("(threshold 0.000 ms); SQL: SELECT 3");
        runner.withPropertyValues("data-bridge.logging.slow-query-threshold=-1ms")
                .run(context ->
                        context.getBean(DataBridge.class).sql("SELECT 4").one(Integer.class));
        assertThat(output.getOut()).doesNotContain("SQL: SELECT 4");
    }

    @Test
    void theThresholdHasConfigurationMetadata() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(metadata)
                    .contains("\"name\": \"data-bridge.logging.slow-query-threshold\"")
                    .contains("io.databridge.slow-query logger");
        }
    }
}
