package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.mapping.NamingStrategy;
import io.databridge.testdb.TestDatabase;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class DataBridgeAutoConfigurationTest {

    private final ApplicationContextRunner runner = Runners.withTestDatabase();

    @Test
    void dataBridgeBeanIsCreatedForTheDataSource() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DataBridge.class);
            DataBridge db = context.getBean(DataBridge.class);
            assertThat(db.sql("SELECT 41 + 1").one(Integer.class)).isEqualTo(42);
        });
    }

    @Test
    void dataBridgeBeanBacksOffForTheApplicationsOwn() {
        runner.withUserConfiguration(OwnDataBridge.class)
                .run(context -> assertThat(context.getBean(DataBridge.class))
                        .isSameAs(context.getBean(OwnDataBridge.class).db));
    }

    @Test
    void translatorSanitizesByDefault() {
        runner.run(context -> assertThat(
                        context.getBean(PgExceptionTranslator.class).sanitizing())
                .isTrue());
    }

    @Test
    void translatorFollowsErrorsSanitize() {
        runner.withPropertyValues("data-bridge.errors.sanitize=false")
                .run(context -> assertThat(
                                context.getBean(PgExceptionTranslator.class).sanitizing())
                        .isFalse());
    }

    @Test
    void translatorFollowsTheDataBridgeErrorsSanitizeEnvironmentVariable() {
        runner.withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("DATA_BRIDGE_ERRORS_SANITIZE", "false"))))
                .run(context -> assertThat(
                                context.getBean(PgExceptionTranslator.class).sanitizing())
                        .isFalse());
    }

    @Test
    void anEmptyDataBridgeErrorsSanitizeEnvironmentVariableKeepsTheDefault() {
        runner.withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("DATA_BRIDGE_ERRORS_SANITIZE", ""))))
                .run(context -> assertThat(
                                context.getBean(PgExceptionTranslator.class).sanitizing())
                        .isTrue());
    }

    @Test
    void translatorBacksOffForTheApplicationsOwn() {
        runner.withBean(PgExceptionTranslator.class, () -> new PgExceptionTranslator(false))
                .run(context -> {
                    assertThat(context).hasSingleBean(PgExceptionTranslator.class);
                    assertThat(context.getBean(PgExceptionTranslator.class).sanitizing())
                            .isFalse();
                });
    }

    @Test
    void jdbcTemplateAndTransactionManagerShareTheTranslator() {
        runner.run(context -> {
            PgExceptionTranslator translator = context.getBean(PgExceptionTranslator.class);
            assertThat(context.getBean(JdbcTemplate.class).getExceptionTranslator())
                    .isSameAs(translator);
            JdbcTransactionManager transactionManager = context.getBean(JdbcTransactionManager.class);
            assertThat(transactionManager.getExceptionTranslator()).isSameAs(translator);
            assertThat(transactionManager.getDataSource()).isSameAs(context.getBean(DataSource.class));
            assertThat(context).hasSingleBean(TransactionTemplate.class);
        });
    }

    @Test
    void transactionManagerAppliesSpringTransactionProperties() {
        runner.withPropertyValues("spring.transaction.default-timeout=7s")
                .run(context -> assertThat(
                                context.getBean(JdbcTransactionManager.class).getDefaultTimeout())
                        .isEqualTo(7));
    }

    @Test
    void transactionManagerBacksOffForTheApplicationsOwn() {
        runner.withUserConfiguration(OwnTransactionManager.class).run(context -> {
            assertThat(context).hasSingleBean(PlatformTransactionManager.class);
            assertThat(context.getBean(PlatformTransactionManager.class))
                    .isSameAs(context.getBean(OwnTransactionManager.class).transactionManager);
        });
    }

    @Test
    void builderCustomizersAreApplied() {
        runner.withBean(DataBridgeBuilderCustomizer.class, () -> builder -> builder.naming(NamingStrategy.SNAKE_CASE))
                .run(context -> assertThat(context).hasSingleBean(DataBridge.class));
    }

    @Test
    void noDataBridgeWithoutASingleDataSourceCandidateButTheTranslatorForTheApplicationsOwn() {
        new ApplicationContextRunner()
                .withConfiguration(Runners.ALL)
                .withUserConfiguration(TwoDataSources.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(DataBridge.class);
                    assertThat(context).hasSingleBean(PgExceptionTranslator.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDataBridge {

        final DataBridge db;

        OwnDataBridge(DataSource dataSource) {
            this.db = DataBridge.builder(dataSource).sanitizeErrors(false).build();
        }

        @Bean
        DataBridge ownDataBridge() {
            return db;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTransactionManager {

        final AbstractPlatformTransactionManager transactionManager =
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource());

        @Bean
        PlatformTransactionManager ownTransactionManager() {
            return transactionManager;
        }

        private static DataSource dataSource() {
            TestDatabase database = TestDatabase.get();
            return new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {

        @Bean
        DataSource first() {
            return new DriverManagerDataSource("jdbc:postgresql://localhost:1/first");
        }

        @Bean
        DataSource second() {
            return new DriverManagerDataSource("jdbc:postgresql://localhost:1/second");
        }
    }
}
