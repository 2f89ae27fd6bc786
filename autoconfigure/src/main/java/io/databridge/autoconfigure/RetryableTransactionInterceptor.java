package io.databridge.autoconfigure;

import io.databridge.transaction.RetryableTransaction;
import io.databridge.transaction.TransactionRetryListener;
import io.databridge.transaction.TransactionRetryTemplate;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Runs each call of a {@link RetryableTransaction} method through a {@link TransactionRetryTemplate} built from the
 * annotation, outside the transaction interceptor, so each attempt is a new transaction. Thread-safe.
 */
final class RetryableTransactionInterceptor implements MethodInterceptor {

    private final ObjectProvider<TransactionRetryListener> listeners;
    private final Map<Method, TransactionRetryTemplate> templates = new ConcurrentHashMap<>();

    RetryableTransactionInterceptor(ObjectProvider<TransactionRetryListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        if (!(invocation instanceof ProxyMethodInvocation proxied)) {
            return invocation.proceed();
        }
        TransactionRetryTemplate template = templates.computeIfAbsent(
                invocation.getMethod(),
                method -> template(
                        method,
                        invocation.getThis() == null
                                ? method.getDeclaringClass()
                                : invocation.getThis().getClass()));
        try {
            return template.call(() -> {
                try {
                    return proxied.invocableClone().proceed();
                } catch (RuntimeException | Error ex) {
                    throw ex;
                } catch (Throwable ex) {
                    throw new CheckedFailure(ex);
                }
            });
        } catch (CheckedFailure ex) {
            throw ex.getCause();
        }
    }

    private TransactionRetryTemplate template(Method method, Class<?> targetClass) {
        Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
        RetryableTransaction retry = AnnotatedElementUtils.findMergedAnnotation(specific, RetryableTransaction.class);
        if (retry == null) {
            retry = AnnotatedElementUtils.findMergedAnnotation(targetClass, RetryableTransaction.class);
        }
        TransactionRetryTemplate.Builder builder = TransactionRetryTemplate.forUnits();
        if (retry != null) {
            builder.maxAttempts(retry.maxAttempts())
                    .initialBackoff(Duration.ofMillis(retry.initialBackoffMillis()))
                    .maxBackoff(Duration.ofMillis(retry.maxBackoffMillis()));
        }
        TransactionRetryListener listener = listeners.getIfUnique();
        if (listener != null) {
            builder.listener(listener);
        }
        return builder.build();
    }

    /** Carries a checked exception of the method through the retry loop, which handles unchecked ones. */
    private static final class CheckedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Throwable failure;

        CheckedFailure(Throwable cause) {
            super(cause);
            this.failure = cause;
        }

        @Override
        public synchronized Throwable getCause() {
            return failure;
        }
    }
}
