package io.databridge.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.transaction.ReplicaRoutingDataSource;
import io.databridge.transaction.ReplicaRoutingTransactionManager;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.transaction.TransactionManager;

/**
 * Read replicas, when {@code data-bridge.replicas[0].url} is set: a pool per replica, a {@link ReplicaRoutingDataSource}
 * over the application's data source (the primary) and them, made {@code @Primary} so that the {@code DataBridge},
 * migrations and {@code JdbcTemplate} use it, and a {@link ReplicaRoutingTransactionManager} that sends read-only
 * transactions to a replica and records each write's position for read-your-writes. See docs/scaling.md.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataBridgeDataSourceAutoConfiguration.class},
        before = DataBridgeAutoConfiguration.class)
@ConditionalOnClass(HikariDataSource.class)
@ConditionalOnProperty(name = "data-bridge.replicas[0].url")
@EnableConfigurationProperties({DataBridgeProperties.class, DataBridgeReplicaProperties.class})
public final class DataBridgeReplicasAutoConfiguration {

    @Bean(destroyMethod = "close")
    ReplicaPools dataBridgeReplicaPools(
            DataBridgeProperties properties, DataBridgeReplicaProperties replicas, Environment environment) {
        List<HikariDataSource> pools = new ArrayList<>();
        List<DataBridgeReplicaProperties.Replica> configured = replicas.getReplicas();
        try {
            for (int i = 0; i < configured.size(); i++) {
                DataBridgeReplicaProperties.Replica replica = configured.get(i);
                String url = replica.getUrl();
                if (url == null || !url.startsWith("jdbc:postgresql:")) {
                    throw new InvalidDataBridgePropertyException(
                            "data-bridge.replicas[" + i + "].url",
                            "data-bridge.replicas[" + i + "].url must start with jdbc:postgresql: but was "
                                    + (url == null ? "not set" : "'" + JdbcUrls.withoutCredentials(url) + "'"));
                }
                pools.add(DataBridgePools.createReplica(
                        "data-bridge-replica-" + i,
                        url,
                        replica.getUsername() != null
                                ? replica.getUsername()
                                : properties.getDatasource().getUsername(),
                        replica.getPassword() != null
                                ? replica.getPassword()
                                : properties.getDatasource().getPassword(),
                        properties,
                        environment));
            }
        } catch (RuntimeException ex) {
            new ReplicaPools(pools).close();
            throw ex;
        }
        return new ReplicaPools(pools);
    }

    @Bean
    @Primary
    ReplicaRoutingDataSource dataBridgeRoutingDataSource(
            @Qualifier("dataSource") DataSource primary,
            ReplicaPools dataBridgeReplicaPools,
            DataBridgeReplicaProperties replicas) {
        List<ReplicaRoutingDataSource.NamedDataSource> named = new ArrayList<>();
        for (HikariDataSource pool : dataBridgeReplicaPools.pools()) {
            named.add(new ReplicaRoutingDataSource.NamedDataSource(pool.getPoolName(), pool));
        }
        return new ReplicaRoutingDataSource(
                primary,
                named,
                replicas.getReadYourWrites().getMaxWait(),
                replicas.getReadYourWrites().getRecheckAfter());
    }

    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    ReplicaRoutingTransactionManager transactionManager(
            ReplicaRoutingDataSource dataBridgeRoutingDataSource,
            ObjectProvider<PgExceptionTranslator> translator,
            DataBridgeProperties properties,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        ReplicaRoutingTransactionManager transactionManager = new ReplicaRoutingTransactionManager(
                dataBridgeRoutingDataSource,
                translator.getIfAvailable(
                        () -> new PgExceptionTranslator(properties.getErrors().sanitizes())));
        customizers.ifAvailable(all -> all.customize(transactionManager));
        return transactionManager;
    }

    /**
     * The replicas' pools, closed with the context.
     *
     * @param pools the pools, in configuration order
     */
    record ReplicaPools(List<HikariDataSource> pools) implements AutoCloseable {

        @Override
        public void close() {
            pools.forEach(HikariDataSource::close);
        }
    }
}
