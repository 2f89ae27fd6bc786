package io.databridge.autoconfigure;

import io.databridge.transaction.ReplicaRoutingDataSource;
import io.databridge.transaction.ReplicaStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With read replicas ({@link ReplicaRoutingDataSource}): Micrometer gauges of each replica's lag and rotation when the
 * application has a {@link MeterRegistry}, and, with Spring Boot's health support, a {@code replicas} health component
 * with one component per replica ({@code UP}, {@code DOWN}, or {@code OUT_OF_ROTATION} with its lag). Off with {@code
 * management.health.replicas.enabled=false}; backs off when the application defines a bean named {@code
 * replicasHealthContributor}. See docs/observability.md.
 */
@AutoConfiguration(
        after = DataBridgeReplicasAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean(ReplicaRoutingDataSource.class)
public final class DataBridgeReplicaMonitoringAutoConfiguration {

    /** The gauge of a replica's lag in bytes of WAL; tag {@code replica}. */
    public static final String LAG_BYTES_METER = "data-bridge.replica.lag.bytes";

    /** The gauge of a replica's lag in time; tag {@code replica}. */
    public static final String LAG_METER = "data-bridge.replica.lag";

    /** The gauge of whether a replica takes reads (1) or not (0); tag {@code replica}. */
    public static final String IN_ROTATION_METER = "data-bridge.replica.in-rotation";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static final class ReplicaMetrics {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        ReplicaGauges dataBridgeReplicaGauges(MeterRegistry registry, ReplicaRoutingDataSource routing) {
            List<ReplicaStatus> replicas = routing.replicaStatuses();
            for (int i = 0; i < replicas.size(); i++) {
                String name = replicas.get(i).name();
                int index = i;
                gauge(registry, routing, index, name, LAG_BYTES_METER, "bytes", "WAL not replayed yet", status -> {
                    return status.lagBytes() < 0 ? Double.NaN : status.lagBytes();
                });
                gauge(registry, routing, index, name, LAG_METER, "seconds", "How far replay is behind", status -> {
                    Duration lag = status.lag();
                    return lag == null ? Double.NaN : lag.toNanos() / 1e9;
                });
                gauge(registry, routing, index, name, IN_ROTATION_METER, null, "1: takes reads, 0: not", status -> {
                    return status.state() == ReplicaStatus.State.UP ? 1 : 0;
                });
            }
            return new ReplicaGauges(replicas.size());
        }

        private static void gauge(
                MeterRegistry registry,
                ReplicaRoutingDataSource routing,
                int index,
                String replica,
                String meter,
                @Nullable String unit,
                String description,
                ToDoubleFunction<ReplicaStatus> value) {
            Gauge.builder(
                            meter,
                            routing,
                            source ->
                                    value.applyAsDouble(source.replicaStatuses().get(index)))
                    .tag("replica", replica)
                    .baseUnit(unit)
                    .description(description)
                    .register(registry);
        }
    }

    /**
     * Marks that the replica gauges are registered.
     *
     * @param replicas how many replicas have gauges
     */
    record ReplicaGauges(int replicas) {}

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("replicas")
    static final class ReplicaHealth {

        @Bean
        @ConditionalOnMissingBean(name = "replicasHealthContributor")
        CompositeHealthContributor replicasHealthContributor(ReplicaRoutingDataSource routing) {
            Map<String, HealthIndicator> replicas = new LinkedHashMap<>();
            List<ReplicaStatus> statuses = routing.replicaStatuses();
            for (int i = 0; i < statuses.size(); i++) {
                replicas.put(statuses.get(i).name(), new DataBridgeReplicaHealthIndicator(routing, i));
            }
            return CompositeHealthContributor.fromMap(replicas);
        }
    }
}
