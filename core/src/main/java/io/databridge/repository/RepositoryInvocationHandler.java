package io.databridge.repository;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Dispatches each call of a repository proxy to the invoker compiled for its method. Thread-safe (read-only map). */
final class RepositoryInvocationHandler implements InvocationHandler {

    private static final Object[] NO_ARGS = {};

    private final String description;
    private final Map<Method, MethodInvoker> invokers;

    RepositoryInvocationHandler(String description, Map<Method, MethodInvoker> invokers) {
        this.description = description;
        this.invokers = Map.copyOf(invokers);
    }

    /** The invoker compiled for a method, or {@code null}; for tests. */
    @Nullable
    MethodInvoker invoker(Method method) {
        return invokers.get(method);
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args) throws Throwable {
        MethodInvoker invoker = invokers.get(method);
        if (invoker != null) {
            return invoker.invoke(proxy, args == null ? NO_ARGS : args);
        }
        return switch (method.getName()) {
            case "equals" -> args != null && proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> description;
            default -> throw new IllegalStateException("No implementation compiled for " + method);
        };
    }
}
