package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The HikariCP settings as data-bridge.datasource.pool.* properties, and metadata for every data-bridge property. */
class PoolPropertiesAndMetadataTest {

    @Test
    void everyPoolSettingReachesHikari() {
        Runners.withTestDatabase()
                .withPropertyValues(
                        "data-bridge.datasource.pool.maximum-size=4",
                        "data-bridge.datasource.pool.minimum-idle=1",
                        "data-bridge.datasource.pool.idle-timeout=45s",
                        "data-bridge.datasource.pool.max-lifetime=20m",
                        "data-bridge.datasource.pool.keepalive-time=60s",
                        "data-bridge.datasource.pool.leak-detection-threshold=10s",
                        "data-bridge.datasource.pool.validation-timeout=1s",
                        "data-bridge.datasource.pool.initialization-fail-timeout=3s")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
                    assertThat(pool.getMinimumIdle()).isEqualTo(1);
                    assertThat(pool.getIdleTimeout()).isEqualTo(45_000);
                    assertThat(pool.getMaxLifetime()).isEqualTo(1_200_000);
                    assertThat(pool.getKeepaliveTime()).isEqualTo(60_000);
                    assertThat(pool.getLeakDetectionThreshold()).isEqualTo(10_000);
                    assertThat(pool.getValidationTimeout()).isEqualTo(1_000);
                    assertThat(pool.getInitializationFailTimeout()).isEqualTo(3_000);
                });
    }

    @Test
    void withoutSettingsThePoolIsFixedSizeAndFailsFast() {
        Runners.withTestDatabase().run(context -> {
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertThat(pool.getMinimumIdle())
                    .isEqualTo(pool.getMaximumPoolSize())
                    .isEqualTo(10);
            assertThat(pool.getInitializationFailTimeout()).isEqualTo(1);
            assertThat(pool.getLeakDetectionThreshold()).isZero();
        });
    }

    @Test
    void minimumIdleAboveTheMaximumIsRejected() {
        Runners.withTestDatabase()
                .withPropertyValues(
                        "data-bridge.datasource.pool.maximum-size=4", "data-bridge.datasource.pool.minimum-idle=5")
                .run(context -> assertThat(StartupFailureAnalysisTest.analyze(
                                        context, new InvalidDataBridgePropertyFailureAnalyzer())
                                .getDescription())
                        .isEqualTo("Invalid data-bridge configuration: data-bridge.datasource.pool.minimum-idle must be"
                                + " between 0 and data-bridge.datasource.pool.maximum-size (4) but was 5"));
    }

    @Test
    void aShortLeakDetectionThresholdIsRejected() {
        Runners.withTestDatabase()
                .withPropertyValues("data-bridge.datasource.pool.leak-detection-threshold=500ms")
                .run(context -> assertThat(StartupFailureAnalysisTest.analyze(
                                        context, new InvalidDataBridgePropertyFailureAnalyzer())
                                .getDescription())
                        .isEqualTo("Invalid data-bridge configuration:"
                                + " data-bridge.datasource.pool.leak-detection-threshold must be >= 2000ms but was"
                                + " 500ms"));
    }

    @Test
    void everyPropertyHasADescriptionWithoutJavadocMarkup() throws Exception {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(DataBridgePropertyNames.known())
                .contains(
                        "data-bridge.datasource.pool.keepalive-time",
                        "data-bridge.embedded.data-directory",
                        "data-bridge.errors.problem-details")
                .allSatisfy(name -> assertThat(metadata).contains("\"name\": \"" + name + "\""));
        assertThat(metadata).doesNotContain("{@code").doesNotContain("{@link");
        String properties = metadata.substring(metadata.indexOf("\"properties\""));
        int hints = properties.indexOf("\"hints\"");
        properties = hints < 0 ? properties : properties.substring(0, hints);
        assertThat(properties.split("\"description\": \"").length)
                .as("every property is described")
                .isEqualTo(properties.split("\"name\": \"").length);
    }
}
