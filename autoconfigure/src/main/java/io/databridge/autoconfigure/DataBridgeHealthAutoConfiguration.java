package io.databridge.autoconfigure;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * With Spring Boot's health support (the actuator): a {@code dataBridge} health component that shows the pool's state
 * (active, idle, waiting, total, max). Off with {@code management.health.data-bridge.enabled=false}; backs off when the
 * application defines a bean named {@code dataBridgeHealthIndicator}.
 */
@AutoConfiguration(after = {DataBridgeDataSourceAutoConfiguration.class, DataBridgeAutoConfiguration.class})
@ConditionalOnClass({HealthIndicator.class, com.zaxxer.hikari.HikariDataSource.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnEnabledHealthIndicator("data-bridge")
public final class DataBridgeHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "dataBridgeHealthIndicator")
    HealthIndicator dataBridgeHealthIndicator(DataSource dataSource) {
        return new DataBridgeHealthIndicator(dataSource);
    }
}
