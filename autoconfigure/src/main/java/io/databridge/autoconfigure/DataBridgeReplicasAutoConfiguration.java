package io.databridge.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.transaction.ReplicaRoutingDataSource;
import io.databridge.transaction.ReplicaRoutingTransactionManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
import org.springframework.util.unit.DataSize;

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

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

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
                        "data-bridge-replica-" + name(replica, i, configured),
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
        List<HikariDataSource> pools = dataBridgeReplicaPools.pools();
        for (int i = 0; i < pools.size(); i++) {
            named.add(new ReplicaRoutingDataSource.NamedDataSource(
                    name(replicas.getReplicas().get(i), i, replicas.getReplicas()), pools.get(i)));
        }
        DataBridgeReplicaProperties.ReplicaLag lag = replicas.getReplicaLag();
        DataSize maxBytes = lag.getMaxBytes();
        return new ReplicaRoutingDataSource(
                primary,
                named,
                replicas.getReadYourWrites().getMaxWait(),
                replicas.getReadYourWrites().getRecheckAfter(),
                new ReplicaRoutingDataSource.LagBound(
                        maxBytes == null ? 0 : nonNegative("data-bridge.replica-lag.max-bytes", maxBytes.toBytes()),
                        nonNegative("data-bridge.replica-lag.max-time", lag.getMaxTime()),
                        nonNegative("data-bridge.replica-lag.check-interval", lag.getCheckInterval())));
    }

    /** The replica's configured name, else its index; validated, unique. */
    static String name(
            DataBridgeReplicaProperties.Replica replica, int index, List<DataBridgeReplicaProperties.Replica> all) {
        String name = replica.getName() == null ? String.valueOf(index) : replica.getName();
        String property = "data-bridge.replicas[" + index + "].name";
        if (!NAME.matcher(name).matches()) {
            throw new InvalidDataBridgePropertyException(
                    property,
                    property + " must be letters, digits, '-' or '_' (it becomes a metric tag) but was '" + name + "'");
        }
        for (int other = 0; other < index; other++) {
            String otherName = all.get(other).getName() == null
                    ? String.valueOf(other)
                    : all.get(other).getName();
            if (name.equals(otherName)) {
                throw new InvalidDataBridgePropertyException(
                        property,
                        property + " must differ from every other replica's name but was '" + name
                                + "', the name of data-bridge.replicas[" + other + "]");
            }
        }
        return name;
    }

    private static long nonNegative(String property, long value) {
        if (value < 0) {
            throw new InvalidDataBridgePropertyException(
                    property, property + " must be >= 0 but was " + value + " bytes");
        }
        return value;
    }

    private static Duration nonNegative(String property, Duration value) {
        if (value.isNegative()) {
            throw new InvalidDataBridgePropertyException(
                    property, property + " must be >= 0 but was " + value.toMillis() + "ms");
        }
        return value;
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
