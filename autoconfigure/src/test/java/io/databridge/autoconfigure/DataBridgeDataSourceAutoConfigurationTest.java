package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.embedded.EmbeddedPostgresServer;
import io.databridge.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class DataBridgeDataSourceAutoConfigurationTest {

    private final TestDatabase database = TestDatabase.get();

    @Test
    void dataBridgeUrlGivesATunedHikariPool() {
        Runners.withTestDatabase()
                .withPropertyValues("spring.application.name=orders-service")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getPoolName()).isEqualTo("data-bridge");
                    assertThat(pool.getJdbcUrl()).isEqualTo(database.jdbcUrl());
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
                    assertThat(pool.getMinimumIdle()).isEqualTo(10);
                    assertThat(pool.getConnectionTimeout()).isEqualTo(5000);
                    assertThat(pool.getDataSourceProperties())
                            .containsEntry("reWriteBatchedInserts", "true")
                            .containsEntry("socketTimeout", "300")
                            .containsEntry("connectTimeout", "5")
                            .containsEntry("tcpKeepAlive", "true")
                            .containsEntry("ApplicationName", "orders-service")
                            .containsEntry("logServerErrorDetail", "false");
                    assertThat(context.getBean(JdbcTemplate.class)
                                    .queryForObject("SELECT current_setting('application_name')", String.class))
                            .isEqualTo("orders-service");
                });
    }

    @Test
    void poolSizeTimeoutAndDriverPropertiesComeFromProperties() {
        Runners.withTestDatabase()
                .withPropertyValues(
                        "data-bridge.datasource.pool.maximum-size=3",
                        "data-bridge.datasource.pool.connection-timeout=2s",
                        "data-bridge.datasource.driver-properties.socketTimeout=600")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
                    assertThat(pool.getConnectionTimeout()).isEqualTo(2000);
                    assertThat(pool.getDataSourceProperties())
                            .containsEntry("socketTimeout", "600")
                            .containsEntry("ApplicationName", "data-bridge");
                });
    }

    @Test
    void aConnectionTimeoutBelowFiveSecondsBoundsValidationConnectAndLogin() {
        Runners.withTestDatabase()
                .withPropertyValues("data-bridge.datasource.pool.connection-timeout=1500ms")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getConnectionTimeout()).isEqualTo(1500);
                    assertThat(pool.getValidationTimeout()).isEqualTo(1500);
                    assertThat(pool.getDataSourceProperties())
                            .containsEntry("connectTimeout", "2")
                            .containsEntry("loginTimeout", "2");
                });
    }

    @Test
    void aLongConnectionTimeoutKeepsTheFiveSecondBounds() {
        Runners.withTestDatabase()
                .withPropertyValues("data-bridge.datasource.pool.connection-timeout=30s")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getValidationTimeout()).isEqualTo(5000);
                    assertThat(pool.getDataSourceProperties())
                            .containsEntry("connectTimeout", "5")
                            .containsEntry("loginTimeout", "5");
                });
    }

    @Test
    void serverErrorDetailIsLeftOnWhenMessagesAreNotSanitized() {
        Runners.withTestDatabase()
                .withPropertyValues("data-bridge.errors.sanitize=false")
                .run(context -> assertThat(
                                context.getBean(HikariDataSource.class).getDataSourceProperties())
                        .doesNotContainKey("logServerErrorDetail"));
    }

    @Test
    void springDatasourceUrlTakesPrecedenceOverDataBridgeUrl() {
        Runners.withTestDatabase()
                .withPropertyValues(
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "data-bridge.datasource.url=jdbc:postgresql://localhost:1/unused")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getPoolName()).isNotEqualTo("data-bridge");
                    assertThat(pool.getJdbcUrl()).isEqualTo(database.jdbcUrl());
                    assertThat(context).hasSingleBean(DataBridge.class);
                });
    }

    @Test
    void applicationDataSourceTakesPrecedence() {
        Runners.withTestDatabase().withUserConfiguration(UserDataSource.class).run(context -> {
            assertThat(context).hasSingleBean(DataSource.class);
            assertThat(context.getBean(DataSource.class)).isInstanceOf(DriverManagerDataSource.class);
            assertThat(context).doesNotHaveBean(HikariDataSource.class);
            assertThat(context).hasSingleBean(DataBridge.class);
        });
    }

    @Test
    void connectionDetailsBeanReplacesTheProperties() {
        Runners.withoutEmbedded()
                .withPropertyValues("data-bridge.datasource.url=jdbc:postgresql://localhost:1/ignored")
                .withBean(DataBridgeConnectionDetails.class, () -> new FixedConnectionDetails(database))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
                            .isEqualTo(database.jdbcUrl());
                });
    }

    @Test
    void connectionDetailsBeanAloneIsEnough() {
        Runners.withoutEmbedded()
                .withBean(DataBridgeConnectionDetails.class, () -> new FixedConnectionDetails(database))
                .run(context -> assertThat(
                                context.getBean(HikariDataSource.class).getPoolName())
                        .isEqualTo("data-bridge"));
    }

    @Test
    void withoutUrlOrEmbeddedModuleNoPoolIsCreated() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DataBridgeDataSourceAutoConfiguration.class, DataBridgeAutoConfiguration.class))
                .withClassLoader(
                        new org.springframework.boot.test.context.FilteredClassLoader("io.databridge.embedded"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(DataSource.class);
                    assertThat(context).doesNotHaveBean(DataBridge.class);
                });
    }

    @Test
    void embeddedPostgresStartsWhenNoUrlIsConfiguredAndStopsWithTheContext() throws SQLException {
        int[] port = new int[1];
        new ApplicationContextRunner().withConfiguration(Runners.ALL).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EmbeddedPostgresServer.class);
            EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
            port[0] = server.port();
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertThat(pool.getJdbcUrl()).isEqualTo(server.jdbcUrl());
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class))
                    .isEqualTo(1);
            assertThat(context).hasSingleBean(DataBridge.class);
        });
        assertThat(answers("jdbc:postgresql://localhost:" + port[0] + "/postgres"))
                .as("the embedded server is stopped with the context")
                .isFalse();
    }

    @Test
    void embeddedPostgresCanBeTurnedOff() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DataBridgeDataSourceAutoConfiguration.class, DataBridgeAutoConfiguration.class))
                .withPropertyValues("data-bridge.embedded.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class);
                    assertThat(context).doesNotHaveBean(DataSource.class);
                });
    }

    @Test
    void embeddedPostgresBacksOffWhenSpringDatasourceUrlIsSet() {
        new ApplicationContextRunner()
                .withConfiguration(Runners.ALL)
                .withPropertyValues(
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username())
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgresServer.class);
                    assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
                            .isEqualTo(database.jdbcUrl());
                });
    }

    @Test
    void embeddedPostgresBacksOffWhenDataBridgeUrlIsSet() {
        new ApplicationContextRunner()
                .withConfiguration(Runners.ALL)
                .withPropertyValues(
                        "data-bridge.datasource.url=" + database.jdbcUrl(),
                        "data-bridge.datasource.username=" + database.username())
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(EmbeddedPostgresServer.class)
                        .hasSingleBean(HikariDataSource.class));
    }

    @Test
    void embeddedPostgresBacksOffForAnApplicationDataSource() {
        new ApplicationContextRunner()
                .withConfiguration(Runners.ALL)
                .withUserConfiguration(UserDataSource.class)
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(EmbeddedPostgresServer.class)
                        .hasSingleBean(DataSource.class));
    }

    @Test
    void embeddedPostgresBacksOffForServiceConnectionDetails() {
        JdbcConnectionDetails details = new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return database.username();
            }

            @Override
            public String getPassword() {
                return database.password();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
        new ApplicationContextRunner()
                .withConfiguration(Runners.ALL)
                .withBean(JdbcConnectionDetails.class, () -> details)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgresServer.class);
                    assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
                            .isEqualTo(database.jdbcUrl());
                });
    }

    @Test
    void embeddedPostgresBacksOffForDataBridgeConnectionDetails() {
        new ApplicationContextRunner()
                .withConfiguration(Runners.ALL)
                .withBean(DataBridgeConnectionDetails.class, () -> new FixedConnectionDetails(database))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgresServer.class);
                    assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
                            .isEqualTo(database.jdbcUrl());
                });
    }

    @Test
    void springBootsOwnDataSourceConfigurationStillRunsWithoutDataBridgeSettings() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DataBridgeDataSourceAutoConfiguration.class, DataSourceAutoConfiguration.class))
                .withPropertyValues(
                        "data-bridge.embedded.enabled=false",
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username())
                .run(context -> assertThat(
                                context.getBean(HikariDataSource.class).getPoolName())
                        .isNotEqualTo("data-bridge"));
    }

    private static boolean answers(String url) {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", EmbeddedPostgresServer.USERNAME);
        properties.setProperty("connectTimeout", "2");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            return connection.isValid(2);
        } catch (SQLException ex) {
            return false;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDataSource {

        @Bean
        DataSource dataSource() {
            TestDatabase database = TestDatabase.get();
            return new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        }
    }

    record FixedConnectionDetails(TestDatabase database) implements DataBridgeConnectionDetails {

        @Override
        public String getJdbcUrl() {
            return database.jdbcUrl();
        }

        @Override
        public @Nullable String getUsername() {
            return database.username();
        }

        @Override
        public @Nullable String getPassword() {
            return database.password();
        }
    }
}
