package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.observation.NPlusOneListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The N+1 detector under Spring Boot: on by default at 10 runs, its properties, and its Micrometer counter. */
@ExtendWith(OutputCaptureExtension.class)
class NPlusOneAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            Runners.withTestDatabase().withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    /** Runs the same read {@code times} times in one transaction. */
    private static void repeatInOneTransaction(ApplicationContext context, int times) {
        DataBridge db = context.getBean(DataBridge.class);
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            for (int i = 0; i < times; i++) {
                db.sql("SELECT :i::int").param("i", i).one(Integer.class);
            }
        });
    }

    private static double counted(ApplicationContext context) {
        var counter = context.getBean(MeterRegistry.class)
                .find(DataBridgeAutoConfiguration.N_PLUS_ONE_METER)
                .tag("data-bridge.task", "sql query")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aReadRunElevenTimesInOneTransactionIsLoggedAndCountedOnceByDefault(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context.getBean(DataBridgeNPlusOneProperties.class).getThreshold())
                    .isEqualTo(10);
            repeatInOneTransaction(context, 12);
            assertThat(counted(context)).isEqualTo(1.0);
        });
        assertThat(output.getOut())
                .containsOnlyOnce("N+1 suspected: sql query ran 11 times in one transaction (threshold 10); run it"
                        + " once for all rows (a condition with in(...) or = ANY(?)) instead of once per row. SQL:"
                        + " SELECT ?::int");
    }

    @Test
    void tenRunsAreNotReported(CapturedOutput output) {
        runner.run(context -> {
            repeatInOneTransaction(context, 10);
            assertThat(counted(context)).isZero();
        });
        assertThat(output.getOut()).doesNotContain("N+1 suspected");
    }

    @Test
    void theThresholdIsAProperty() {
        runner.withPropertyValues("data-bridge.n-plus-one.threshold=2").run(context -> {
            repeatInOneTransaction(context, 3);
            assertThat(counted(context)).isEqualTo(1.0);
        });
    }

    @Test
    void theDetectorCanBeTurnedOff(CapturedOutput output) {
        runner.withPropertyValues("data-bridge.n-plus-one.enabled=false").run(context -> {
            repeatInOneTransaction(context, 20);
            assertThat(counted(context)).isZero();
        });
        assertThat(output.getOut()).doesNotContain("N+1 suspected");
    }

    @Test
    void aThresholdBelowOneFailsStartupNamingTheProperty() {
        runner.withPropertyValues("data-bridge.n-plus-one.threshold=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidDataBridgePropertyException.class)
                        .hasMessage("data-bridge.n-plus-one.threshold must be >= 1 but was 0 (set"
                                + " data-bridge.n-plus-one.enabled=false to turn the detector off)"));
    }

    @Test
    void aMisspelledKeyIsRejectedWithTheRightOne() {
        runner.withPropertyValues("data-bridge.n-plus-one.treshold=5")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("data-bridge.n-plus-one.treshold is not a data-bridge property")
                        .hasMessageEndingWith("did you mean data-bridge.n-plus-one.threshold?"));
    }

    @Test
    void anApplicationListenerReplacesTheCounter() {
        List<String> heard = new ArrayList<>();
        runner.withBean(NPlusOneListener.class, () -> (task, sql) -> heard.add(task))
                .run(context -> {
                    repeatInOneTransaction(context, 11);
                    assertThat(heard).containsExactly("sql query");
                    assertThat(counted(context)).isZero();
                });
    }
}
