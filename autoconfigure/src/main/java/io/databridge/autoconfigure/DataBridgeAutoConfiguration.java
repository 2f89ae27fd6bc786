package io.databridge.autoconfigure;

import io.databridge.DataBridge;
import io.databridge.audit.AuditTrail;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.observation.NPlusOneListener;
import io.databridge.observation.StatementObservationConvention;
import io.databridge.transaction.DataBridgeTransactionManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.AuditorAware;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionManager;

/**
 * The {@link DataBridge} bean, the {@link PgExceptionTranslator} it shares with Spring's JDBC support (as the
 * context's {@link org.springframework.jdbc.support.SQLExceptionTranslator}, which Spring Boot's {@code JdbcTemplate}
 * picks up), and a {@link DataBridgeTransactionManager} that translates every transaction failure with it (begin,
 * commit, and a rollback on a lost connection that keeps the original failure). Each backs off when the
 * application defines a bean of its type. The {@code DataBridge} reports its statements to the context's {@link
 * ObservationRegistry} (Spring Boot's actuator defines one) with the context's {@link StatementObservationConvention}
 * if there is one, and logs slow ones per {@code data-bridge.logging.slow-query-threshold}. Its N+1 detector follows
 * {@code data-bridge.n-plus-one.*} and, with Micrometer on the class path and a {@code MeterRegistry} in the context,
 * counts each detection on {@value #N_PLUS_ONE_METER} (an {@link NPlusOneListener} bean of the application replaces
 * the counter). With several data sources
 * and none {@code @Primary}, only the translator is defined, for the application's own {@code DataBridge}s; their
 * migration initializers still run before them.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataBridgeDataSourceAutoConfiguration.class},
        before = {
            DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class
        })
@ConditionalOnClass({DataBridge.class, JdbcTransactionManager.class})
@EnableConfigurationProperties({DataBridgeProperties.class, DataBridgeNPlusOneProperties.class})
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class DataBridgeAutoConfiguration {

    /** The name of the counter of suspected N+1, tagged {@code data-bridge.task}. */
    public static final String N_PLUS_ONE_METER = "data-bridge.n-plus-one";

    @Bean
    @ConditionalOnMissingBean
    PgExceptionTranslator dataBridgeExceptionTranslator(DataBridgeProperties properties) {
        return new PgExceptionTranslator(properties.getErrors().sanitizes());
    }

    /** The audit trail on {@code io.databridge.audit}, on with {@code data-bridge.audit.enabled=true}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty("data-bridge.audit.enabled")
    AuditTrail dataBridgeAuditTrail(ObjectProvider<AuditorAware<?>> auditor) {
        AuditorAware<?> principal = auditor.getIfUnique();
        return principal == null ? AuditTrail.toLog() : AuditTrail.toLog(principal);
    }

    /**
     * The transaction manager and the {@code DataBridge} of the application's data source; off when it has several
     * data sources and none is {@code @Primary} (it then defines a {@code DataBridge} per data source itself: see
     * docs/scaling.md).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class SingleDataSourceConfiguration {

        @Bean
        @ConditionalOnMissingBean(TransactionManager.class)
        JdbcTransactionManager transactionManager(
                DataSource dataSource,
                PgExceptionTranslator translator,
                ObjectProvider<AuditTrail> audit,
                ObjectProvider<TransactionManagerCustomizers> customizers) {
            DataBridgeTransactionManager transactionManager = new DataBridgeTransactionManager(dataSource, translator);
            audit.ifUnique(transactionManager::setAuditTrail);
            customizers.ifAvailable(all -> all.customize(transactionManager));
            return transactionManager;
        }

        @Bean
        @ConditionalOnMissingBean
        DataBridge dataBridge(
                DataSource dataSource,
                PgExceptionTranslator translator,
                DataBridgeProperties properties,
                ObjectProvider<ObservationRegistry> observationRegistry,
                ObjectProvider<StatementObservationConvention> observationConvention,
                ObjectProvider<AuditTrail> audit,
                DataBridgeNPlusOneProperties nPlusOne,
                ObjectProvider<NPlusOneListener> nPlusOneListener,
                ObjectProvider<DataBridgeBuilderCustomizer> customizers) {
            DataBridge.Builder builder = DataBridge.builder(dataSource)
                    .translator(translator)
                    .slowQueryThreshold(properties.getLogging().threshold())
                    .nPlusOneThreshold(nPlusOne.engineThreshold());
            nPlusOneListener.ifUnique(builder::nPlusOneListener);
            observationRegistry.ifUnique(builder::observationRegistry);
            observationConvention.ifUnique(builder::observationConvention);
            audit.ifUnique(builder::auditTrail);
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
            return builder.build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static final class NPlusOneMetrics {

        @Bean
        @ConditionalOnMissingBean
        NPlusOneListener dataBridgeNPlusOneCounter(ObjectProvider<MeterRegistry> registry) {
            // The registry is looked up at the first detection: the metrics auto-configuration may come after this one.
            return (task, sql) -> {
                MeterRegistry meters = registry.getIfUnique();
                if (meters != null) {
                    Counter.builder(N_PLUS_ONE_METER)
                            .description("Read statements run more often in one transaction than"
                                    + " data-bridge.n-plus-one.threshold allows, once per transaction and statement")
                            .tag("data-bridge.task", task)
                            .register(meters)
                            .increment();
                }
            };
        }
    }
}
