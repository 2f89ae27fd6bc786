package io.databridge.repository;

import org.jspecify.annotations.Nullable;

/** One compiled repository method. Thread-safe. */
@FunctionalInterface
interface MethodInvoker {

    /**
     * Runs the method.
     *
     * @param proxy the repository proxy
     * @param args the arguments, never {@code null}
     * @return the result
     * @throws Throwable whatever the implementation throws
     */
    @Nullable
    Object invoke(Object proxy, @Nullable Object[] args) throws Throwable;
}
