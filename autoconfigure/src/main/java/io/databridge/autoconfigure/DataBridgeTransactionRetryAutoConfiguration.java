package io.databridge.autoconfigure;

import io.databridge.transaction.RetryableTransaction;
import io.databridge.transaction.TransactionRetryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/**
 * Applies {@link RetryableTransaction}: an advisor ordered just outside Spring's transaction advisor, so each attempt
 * runs a new transaction; and, when the application has a Micrometer {@link MeterRegistry}, a counter {@value
 * #RETRIES_METER} of retries tagged by {@code sqlstate}. A {@link TransactionRetryListener} bean of the application
 * replaces the counter.
 */
@AutoConfiguration(after = DataBridgeAutoConfiguration.class)
@ConditionalOnClass({RetryableTransaction.class, Advisor.class})
public final class DataBridgeTransactionRetryAutoConfiguration {

    /** The name of the retry counter. */
    public static final String RETRIES_METER = "data-bridge.transaction.retries";

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor dataBridgeRetryableTransactionAdvisor(ObjectProvider<TransactionRetryListener> listeners) {
        ComposablePointcut pointcut = new ComposablePointcut(
                        new AnnotationMatchingPointcut(RetryableTransaction.class, true))
                .union(new AnnotationMatchingPointcut(null, RetryableTransaction.class, true));
        DefaultPointcutAdvisor advisor =
                new DefaultPointcutAdvisor(pointcut, new RetryableTransactionInterceptor(listeners));
        // Spring's transaction advisor has the lowest precedence by default: this one runs outside it.
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return advisor;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static final class RetryMetrics {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        @ConditionalOnMissingBean
        TransactionRetryListener dataBridgeTransactionRetryCounter(MeterRegistry registry) {
            return (sqlState, attempt, backoff) -> Counter.builder(RETRIES_METER)
                    .description("Whole transactions run again after a retryable failure")
                    .tag("sqlstate", sqlState)
                    .register(registry)
                    .increment();
        }
    }
}
