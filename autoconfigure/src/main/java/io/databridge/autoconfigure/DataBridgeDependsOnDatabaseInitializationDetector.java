package io.databridge.autoconfigure;

import io.databridge.DataBridge;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Tells Spring Boot that {@link DataBridge} beans (and so the repositories built on them) use the database, so they are
 * created after every database initializer: data-bridge's migrations, Flyway, Liquibase, {@code spring.sql.init}.
 */
final class DataBridgeDependsOnDatabaseInitializationDetector
        extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(DataBridge.class);
    }
}
