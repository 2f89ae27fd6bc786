package io.databridge.types;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How one element type travels inside a PostgreSQL array: its SQL type for DDL, the name pgjdbc's {@code
 * createArrayOf} wants, and the conversions to and from what the driver holds. Immutable, so thread-safe.
 *
 * @param <E> the Java element type
 */
final class ArrayElement<E> {

    private static final Map<Class<?>, ArrayElement<?>> BUILT_INS = Map.of(
            String.class,
                    new ArrayElement<String>("text", "text", String.class, ArrayElement::checkedText, v -> (String) v),
            Short.class,
                    new ArrayElement<Short>("smallint", "int2", Short.class, v -> v, v -> ((Number) v).shortValue()),
            Integer.class, new ArrayElement<Integer>("integer", "int4", Integer.class, v -> v, v -> (Integer) v),
            Long.class, new ArrayElement<Long>("bigint", "int8", Long.class, v -> v, v -> (Long) v),
            Float.class, new ArrayElement<Float>("real", "float4", Float.class, v -> v, v -> (Float) v),
            Double.class, new ArrayElement<Double>("double precision", "float8", Double.class, v -> v, v -> (Double) v),
            Boolean.class, new ArrayElement<Boolean>("boolean", "bool", Boolean.class, v -> v, v -> (Boolean) v),
            BigDecimal.class,
                    new ArrayElement<BigDecimal>("numeric", "numeric", BigDecimal.class, v -> v, v -> (BigDecimal) v),
            UUID.class, new ArrayElement<UUID>("uuid", "uuid", UUID.class, v -> v, v -> (UUID) v));

    private final String sqlType;
    private final String driverTypeName;
    private final Class<E> javaType;
    private final Function<E, Object> toDriver;
    private final Function<Object, E> fromDriver;

    private ArrayElement(
            String sqlType,
            String driverTypeName,
            Class<E> javaType,
            Function<E, Object> toDriver,
            Function<Object, E> fromDriver) {
        this.sqlType = sqlType;
        this.driverTypeName = driverTypeName;
        this.javaType = javaType;
        this.toDriver = toDriver;
        this.fromDriver = fromDriver;
    }

    /** The element classes with a built-in element (enums aside); for the rules agreement test. */
    static Set<Class<?>> builtInTypes() {
        return BUILT_INS.keySet();
    }

    /**
     * The built-in element for a class, or {@code null}; enums are stored by label ({@link EnumLabel}, else name), as {@code text}.
     *
     * @param type the element class (a wrapper, not a primitive)
     * @return the element, or {@code null} when arrays of it are not supported
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static @Nullable ArrayElement<?> of(Class<?> type) {
        if (type.isEnum()) {
            return enumByName((Class) type);
        }
        return BUILT_INS.get(type);
    }

    private static <E extends Enum<E>> ArrayElement<E> enumByName(Class<E> type) {
        EnumCodecs.Constants<E> constants = new EnumCodecs.Constants<>(type);
        return new ArrayElement<>("text", "text", type, EnumLabels::label, v -> constants.byName((String) v));
    }

    private static Object checkedText(String value) {
        ScalarCodecs.checkText(value);
        return value;
    }

    /** The element's SQL type, e.g. {@code bigint}; the array's is this plus {@code []}. */
    String sqlType() {
        return sqlType;
    }

    /** The type name for {@code Connection.createArrayOf}, e.g. {@code int8}. */
    String driverTypeName() {
        return driverTypeName;
    }

    Class<E> javaType() {
        return javaType;
    }

    /** Converts a non-null element for the driver; may throw {@link IllegalArgumentException}. */
    Object toDriver(E value) {
        return toDriver.apply(value);
    }

    /**
     * Converts a non-null element the driver read.
     *
     * @throws IllegalArgumentException when it is not of this element type (e.g. a nested array)
     */
    E fromDriver(Object value) {
        try {
            return fromDriver.apply(value);
        } catch (ClassCastException ex) {
            throw new IllegalArgumentException("the stored array is not a one-dimensional array of " + sqlType
                    + "; check the column type, it should be " + sqlType + "[]");
        }
    }
}
