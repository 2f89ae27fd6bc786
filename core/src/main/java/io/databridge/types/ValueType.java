package io.databridge.types;

import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * The Java type of a property or parameter together with the mapping hints that choose its codec. Immutable and
 * thread-safe.
 *
 * @param rawType the erased class, e.g. {@code List.class}; primitives are passed as themselves ({@code int.class})
 * @param genericType the full generic type, e.g. {@code List<String>}; equal to {@code rawType} when not generic
 * @param json whether the value is stored as {@code jsonb} through Jackson ({@code @Json})
 * @param enumType how an enum is stored ({@code @Enumerated}); {@code null} means the default, text
 * @param enumTypeName the PostgreSQL enum type name when {@code enumType} is {@link EnumType#POSTGRES}
 */
public record ValueType(
        Class<?> rawType,
        Type genericType,
        boolean json,
        @Nullable EnumType enumType,
        @Nullable String enumTypeName) {

    /**
     * A plain value type with no mapping hints.
     *
     * @param type the class
     * @return the value type
     */
    public static ValueType of(Class<?> type) {
        return new ValueType(type, type, false, null, null);
    }
}
