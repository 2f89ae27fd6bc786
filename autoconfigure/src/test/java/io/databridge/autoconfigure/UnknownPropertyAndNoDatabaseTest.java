package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/** A misspelled data-bridge key, and an application with no database at all, are each explained at startup. */
class UnknownPropertyAndNoDatabaseTest {

    @Test
    void misspelledKeyStopsStartupWithTheNearestProperty() {
        Runners.withTestDatabase()
                .withPropertyValues("data-bridge.datasource.urll=jdbc:postgresql://db/app?password=secret")
                .run(context -> {
                    FailureAnalysis analysis =
                            StartupFailureAnalysisTest.analyze(context, new InvalidDataBridgePropertyFailureAnalyzer());
                    assertThat(analysis.getDescription())
                            .isEqualTo("Unknown data-bridge configuration: data-bridge.datasource.urll is not a"
                                    + " data-bridge property (set in test); did you mean data-bridge.datasource.url?");
                    assertThat(analysis.getAction())
                            .isEqualTo("Rename or remove data-bridge.datasource.urll. Every data-bridge property is"
                                    + " listed in docs/configuration.md (and offered by the IDE from data-bridge's"
                                    + " configuration metadata).");
                    assertThat(analysis.getDescription()).doesNotContain("secret");
                });
    }

    @Test
    void keyUnderTheWrongParentIsPointedToItsPlace() {
        Runners.withTestDatabase()
                .withPropertyValues("data-bridge.pool.maximum-size=4")
                .run(context -> assertThat(StartupFailureAnalysisTest.analyze(
                                        context, new InvalidDataBridgePropertyFailureAnalyzer())
                                .getDescription())
                        .endsWith("did you mean data-bridge.datasource.pool.maximum-size?"));
    }

    @Test
    void knownKeysListsAndMapsAndTheTestSettingsAreAccepted() {
        Runners.withTestDatabase()
                .withPropertyValues(
                        "data-bridge.datasource.driver-properties.socketTimeout=60",
                        "data-bridge.migrations.locations[0]=classpath:test-migrations/ok",
                        "data-bridge.migrations.enabled=false",
                        "data-bridge.errors.sanitize=true",
                        "data-bridge.test.url=jdbc:postgresql://elsewhere/test")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void noUrlAndNoEmbeddedModuleNamesBoth() {
        Runners.withoutEmbedded().run(context -> {
            FailureAnalysis analysis = StartupFailureAnalysisTest.analyze(
                    context, new NoDatabaseConfiguredFailureAnalyzer(new MockEnvironment()));
            assertThat(analysis.getDescription())
                    .isEqualTo("No PostgreSQL database is configured: data-bridge.datasource.url is not set and the"
                            + " data-bridge-embedded module, which starts a PostgreSQL for development, is not on the"
                            + " class path.");
            assertThat(analysis.getAction())
                    .isEqualTo("Set data-bridge.datasource.url (and data-bridge.datasource.username and"
                            + " data-bridge.datasource.password) to your PostgreSQL server, e.g."
                            + " jdbc:postgresql://localhost:5432/app. For development without a server, add the"
                            + " dependency io.databridge:data-bridge-embedded and data-bridge starts a PostgreSQL for"
                            + " the application.");
        });
    }

    @Test
    void embeddedTurnedOffIsNamed() {
        Runners.withoutEmbedded()
                .withPropertyValues("data-bridge.embedded.enabled=false")
                .run(context -> {
                    MockEnvironment environment =
                            new MockEnvironment().withProperty("data-bridge.embedded.enabled", "false");
                    assertThat(StartupFailureAnalysisTest.analyze(
                                            context, new NoDatabaseConfiguredFailureAnalyzer(environment))
                                    .getDescription())
                            .endsWith(
                                    "is not set and the embedded PostgreSQL is turned off (data-bridge.embedded.enabled=false).");
                });
    }

    @Test
    void noDatabaseAnalysisRunsBeforeSpringBootsEmbeddedDatabaseAdvice() {
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(
                        FailureAnalyzer.class,
                        SpringFactoriesLoader.ArgumentResolver.of(
                                org.springframework.core.env.Environment.class, new MockEnvironment()),
                        SpringFactoriesLoader.FailureHandler.logging(
                                org.apache.commons.logging.LogFactory.getLog(getClass())));
        AnnotationAwareOrderComparator.sort(analyzers);
        List<String> names =
                analyzers.stream().map(a -> a.getClass().getSimpleName()).toList();
        assertThat(names).contains("DataSourceBeanCreationFailureAnalyzer");
        assertThat(names.indexOf("NoDatabaseConfiguredFailureAnalyzer"))
                .isNotNegative()
                .isLessThan(names.indexOf("DataSourceBeanCreationFailureAnalyzer"));
    }
}
