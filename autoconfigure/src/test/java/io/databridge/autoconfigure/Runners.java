package io.databridge.autoconfigure;

import io.databridge.testdb.TestDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;

/** Context runners with data-bridge's and Spring Boot's JDBC and transaction auto-configurations. */
final class Runners {

    static final AutoConfigurations ALL = AutoConfigurations.of(
            DataBridgeDataSourceAutoConfiguration.class,
            DataSourceAutoConfiguration.class,
            DataBridgeAutoConfiguration.class,
            DataBridgeMigrationsAutoConfiguration.class,
            DataBridgeRepositoriesAutoConfiguration.class,
            DataBridgeTransactionRetryAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            TransactionManagerCustomizationAutoConfiguration.class,
            TransactionAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class);

    private Runners() {}

    /** All auto-configurations, without the embedded database on the class path. */
    static ApplicationContextRunner withoutEmbedded() {
        return new ApplicationContextRunner()
                .withConfiguration(ALL)
                .withClassLoader(new FilteredClassLoader("io.databridge.embedded"));
    }

    /** All auto-configurations, with {@code data-bridge.datasource.*} pointing at the test database. */
    static ApplicationContextRunner withTestDatabase() {
        TestDatabase database = TestDatabase.get();
        return withoutEmbedded()
                .withPropertyValues(
                        "data-bridge.datasource.url=" + database.jdbcUrl(),
                        "data-bridge.datasource.username=" + database.username(),
                        "data-bridge.datasource.password=" + database.password());
    }
}
