package io.databridge.internal.model;

import java.lang.invoke.MethodType;

/** Small facts about Java types that mapping, queries and repositories all need. Stateless. */
public final class JavaTypes {

    private JavaTypes() {}

    /**
     * The wrapper class of a primitive type ({@code int} → {@code Integer}); any other type as it is.
     *
     * @param type a type
     * @return the boxed type
     */
    public static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }

    /**
     * The default value of a primitive type ({@code 0}, {@code false}), {@code null} for any other type.
     *
     * @param type a type
     * @return the zero value
     */
    public static @org.jspecify.annotations.Nullable Object zero(Class<?> type) {
        return type.isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0) : null;
    }
}
