package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.autoconfigure.multi.billing.Invoice;
import io.databridge.autoconfigure.multi.billing.InvoiceRepository;
import io.databridge.autoconfigure.multi.orders.Purchase;
import io.databridge.autoconfigure.multi.orders.PurchaseRepository;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.migration.Migrations;
import io.databridge.repository.config.EnableDataBridgeRepositories;
import io.databridge.testdb.TestDatabase;
import io.databridge.transaction.DataBridgeTransactionManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two databases in one application (here two schemas of the test server, each reached through its own pool): each has
 * its own {@code DataBridge}, transaction manager and migrations, repositories are bound to one or the other, and the
 * auto-configuration backs off without failing.
 */
class MultipleDataSourcesTest {

    private final TestDatabase database = TestDatabase.get();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String ordersSchema = "orders_" + suffix;
    private final String billingSchema = "billing_" + suffix;

    @BeforeEach
    void createSchemas() throws Exception {
        sql("CREATE SCHEMA " + ordersSchema + "; CREATE SCHEMA " + billingSchema);
    }

    @AfterEach
    void dropSchemas() throws Exception {
        sql("DROP SCHEMA " + ordersSchema + " CASCADE; DROP SCHEMA " + billingSchema + " CASCADE");
    }

    private void sql(String statement) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private String url(String schema) {
        String url = database.jdbcUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private ApplicationContextRunner runner() {
        return Runners.withoutEmbedded()
                .withPropertyValues(
                        "test.orders.url=" + url(ordersSchema),
                        "test.billing.url=" + url(billingSchema),
                        "test.username=" + database.username(),
                        "test.password=" + database.password());
    }

    @Test
    void autoConfigurationBacksOffWhenTheApplicationHasTwoDataSources() {
        runner().withUserConfiguration(TwoDataSourcesOnly.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBeans(DataSource.class).hasSize(2);
            assertThat(context).doesNotHaveBean(DataBridge.class).doesNotHaveBean(Migrations.class);
            assertThat(context).hasSingleBean(PgExceptionTranslator.class);
        });
    }

    @Test
    void eachDatabaseIsMigratedWithItsOwnScriptsAndHistory() {
        runner().withUserConfiguration(TwoDatabases.class, OrdersRepositories.class, BillingRepositories.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DataBridge orders = context.getBean("ordersDataBridge", DataBridge.class);
                    DataBridge billing = context.getBean("billingDataBridge", DataBridge.class);
                    assertThat(tables(orders)).containsExactly(Migrations.HISTORY_TABLE, "purchases");
                    assertThat(tables(billing)).containsExactly(Migrations.HISTORY_TABLE, "invoices");
                });
    }

    private static List<String> tables(DataBridge db) {
        return db.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " ORDER BY table_name")
                .list(String.class);
    }

    @Test
    void repositoriesWriteToTheDatabaseTheyAreBoundTo() {
        runner().withUserConfiguration(TwoDatabases.class, OrdersRepositories.class, BillingRepositories.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PurchaseRepository purchases = context.getBean(PurchaseRepository.class);
                    InvoiceRepository invoices = context.getBean(InvoiceRepository.class);
                    purchases.saveAll(List.of(new Purchase(null, "book"), new Purchase(null, "pen")));
                    invoices.save(new Invoice(null, new BigDecimal("12.50")));
                    assertThat(purchases.count()).isEqualTo(2);
                    assertThat(invoices.findByTotalGreaterThan(BigDecimal.TEN))
                            .extracting(Invoice::total)
                            .containsExactly(new BigDecimal("12.50"));
                    DataBridge orders = context.getBean("ordersDataBridge", DataBridge.class);
                    DataBridge billing = context.getBean("billingDataBridge", DataBridge.class);
                    assertThat(orders.sql("SELECT count(*) FROM " + ordersSchema + ".purchases")
                                    .one(Long.class))
                            .isEqualTo(2);
                    assertThat(billing.sql("SELECT count(*) FROM " + billingSchema + ".invoices")
                                    .one(Long.class))
                            .isEqualTo(1);
                });
    }

    @Test
    void eachTransactionManagerCoversOnlyItsOwnDatabase() {
        runner().withUserConfiguration(TwoDatabases.class, OrdersRepositories.class, BillingRepositories.class)
                .run(context -> {
                    PurchaseRepository purchases = context.getBean(PurchaseRepository.class);
                    InvoiceRepository invoices = context.getBean(InvoiceRepository.class);
                    TransactionTemplate billingTransaction = new TransactionTemplate(
                            context.getBean("billingTransactionManager", DataBridgeTransactionManager.class));
                    assertThatThrownBy(() -> billingTransaction.executeWithoutResult(status -> {
                                invoices.save(new Invoice(null, BigDecimal.ONE));
                                purchases.save(new Purchase(null, "kept: not in the billing transaction"));
                                throw new IllegalStateException("roll back billing");
                            }))
                            .hasMessage("roll back billing");
                    assertThat(invoices.count()).isZero();
                    assertThat(purchases.count()).isEqualTo(1);
                });
    }

    @Test
    void repositoriesBoundToADataBridgeNeedTheTransactionManagerNamedWhenThereAreSeveral() {
        runner().withUserConfiguration(TwoDatabases.class, OrdersRepositoriesWithoutTransactionManager.class)
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessage(PurchaseRepository.class.getName()
                                + " is bound to DataBridge 'ordersDataBridge' but the context has several transaction"
                                + " managers [ordersTransactionManager, billingTransactionManager]; name the one of"
                                + " its data source with @EnableDataBridgeRepositories(transactionManagerRef ="
                                + " \"...\")"));
    }

    @Test
    void aMisspelledDataBridgeRefStopsStartupNamingTheBeans() {
        runner().withUserConfiguration(TwoDatabases.class, MisspelledRepositories.class)
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessage(PurchaseRepository.class.getName()
                                + ": @EnableDataBridgeRepositories(dataBridgeRef = \"orderDataBridge\") names no"
                                + " DataBridge bean; the context has [ordersDataBridge, billingDataBridge]"));
    }

    @Test
    void theDefaultScanWithTwoDataBridgesStopsStartupWithTheFix() {
        runner().withUserConfiguration(TwoDatabases.class, ScannedPackage.class)
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessage(PurchaseRepository.class.getName()
                                + " needs one DataBridge but the context has [ordersDataBridge, billingDataBridge];"
                                + " bind its package with @EnableDataBridgeRepositories(basePackages ="
                                + " \"io.databridge.autoconfigure.multi.orders\", dataBridgeRef = \"...\","
                                + " transactionManagerRef = \"...\") or mark one DataBridge @Primary"));
    }

    /** Two pools and nothing else: what an application has before it follows the recipe. */
    @Configuration(proxyBeanMethods = false)
    static class TwoDataSourcesOnly {

        @Bean(destroyMethod = "close")
        HikariDataSource ordersDataSource(Environment environment) {
            return pool(environment, "orders");
        }

        @Bean(destroyMethod = "close")
        HikariDataSource billingDataSource(Environment environment) {
            return pool(environment, "billing");
        }

        static HikariDataSource pool(Environment environment, String name) {
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName(name);
            pool.setJdbcUrl(environment.getRequiredProperty("test." + name + ".url"));
            pool.setUsername(environment.getRequiredProperty("test.username"));
            pool.setPassword(environment.getProperty("test.password"));
            pool.setMaximumPoolSize(2);
            return pool;
        }
    }

    /** The recipe of docs/scaling.md: per database a pool, migrations, a DataBridge and a transaction manager. */
    @Configuration(proxyBeanMethods = false)
    @Import(TwoDataSourcesOnly.class)
    static class TwoDatabases {

        @Bean
        DataBridgeMigrationsInitializer ordersMigrations(@Qualifier("ordersDataSource") DataSource dataSource) {
            return new DataBridgeMigrationsInitializer(Migrations.builder(dataSource)
                    .locations(List.of("classpath:multi-db/orders"))
                    .build());
        }

        @Bean
        DataBridgeMigrationsInitializer billingMigrations(@Qualifier("billingDataSource") DataSource dataSource) {
            return new DataBridgeMigrationsInitializer(Migrations.builder(dataSource)
                    .locations(List.of("classpath:multi-db/billing"))
                    .build());
        }

        @Bean
        DataBridge ordersDataBridge(
                @Qualifier("ordersDataSource") DataSource dataSource, PgExceptionTranslator translator) {
            return DataBridge.builder(dataSource).translator(translator).build();
        }

        @Bean
        DataBridge billingDataBridge(
                @Qualifier("billingDataSource") DataSource dataSource, PgExceptionTranslator translator) {
            return DataBridge.builder(dataSource).translator(translator).build();
        }

        @Bean
        DataBridgeTransactionManager ordersTransactionManager(
                @Qualifier("ordersDataSource") DataSource dataSource, PgExceptionTranslator translator) {
            return new DataBridgeTransactionManager(dataSource, translator);
        }

        @Bean
        DataBridgeTransactionManager billingTransactionManager(
                @Qualifier("billingDataSource") DataSource dataSource, PgExceptionTranslator translator) {
            return new DataBridgeTransactionManager(dataSource, translator);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableDataBridgeRepositories(
            basePackageClasses = PurchaseRepository.class,
            dataBridgeRef = "ordersDataBridge",
            transactionManagerRef = "ordersTransactionManager")
    static class OrdersRepositories {}

    @Configuration(proxyBeanMethods = false)
    @EnableDataBridgeRepositories(
            basePackageClasses = InvoiceRepository.class,
            dataBridgeRef = "billingDataBridge",
            transactionManagerRef = "billingTransactionManager")
    static class BillingRepositories {}

    @Configuration(proxyBeanMethods = false)
    @EnableDataBridgeRepositories(basePackageClasses = PurchaseRepository.class, dataBridgeRef = "ordersDataBridge")
    static class OrdersRepositoriesWithoutTransactionManager {}

    @Configuration(proxyBeanMethods = false)
    @EnableDataBridgeRepositories(
            basePackageClasses = PurchaseRepository.class,
            dataBridgeRef = "orderDataBridge",
            transactionManagerRef = "ordersTransactionManager")
    static class MisspelledRepositories {}

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = PurchaseRepository.class)
    static class ScannedPackage {}
}
