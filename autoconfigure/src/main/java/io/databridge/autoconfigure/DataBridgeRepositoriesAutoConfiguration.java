package io.databridge.autoconfigure;

import io.databridge.DataBridge;
import io.databridge.repository.config.DataBridgeRepositoriesRegistrar;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Import;

/**
 * Registers every interface extending {@link io.databridge.repository.PgRepository} in the application's packages
 * (those of its {@code @SpringBootApplication} class) as a bean. Backs off when the application uses
 * {@link io.databridge.repository.config.EnableDataBridgeRepositories @EnableDataBridgeRepositories}.
 */
@AutoConfiguration(after = DataBridgeAutoConfiguration.class)
@ConditionalOnBean(DataBridge.class)
@ConditionalOnMissingBean(name = DataBridgeRepositoriesRegistrar.SCAN_BEAN_NAME)
@Import(DataBridgeRepositoriesRegistrar.class)
public final class DataBridgeRepositoriesAutoConfiguration {}
