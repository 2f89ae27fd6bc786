package io.databridge.test;

import io.databridge.testdb.StatementRecorder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps each {@code DataSource} bean of a test context in a {@link StatementRecorder} (the recorder delegates
 * everything, {@code unwrap} included, to the pool, and closes it with the context). Imported by {@link
 * AutoConfigureStatementRecorder}; not an application auto-configuration.
 */
@AutoConfiguration
public final class StatementRecorderAutoConfiguration {

    @Bean
    static BeanPostProcessor dataBridgeStatementRecorderPostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof StatementRecorder)
                        ? StatementRecorder.wrap(dataSource)
                        : bean;
            }
        };
    }
}
