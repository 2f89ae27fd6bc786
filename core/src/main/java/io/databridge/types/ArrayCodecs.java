package io.databridge.types;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The built-in codecs between Java lists and arrays and one-dimensional PostgreSQL arrays. Each is immutable, so
 * thread-safe. Values are bound through {@code Connection.createArrayOf}; on read the driver's {@link Array} is freed
 * before returning.
 *
 * <p>Lists read back as unmodifiable lists that keep {@code null} elements. Primitive arrays ({@code int[]} and so on)
 * cannot hold {@code null}: a stored array with a {@code NULL} element is rejected on read.
 */
final class ArrayCodecs {

    private ArrayCodecs() {}

    /**
     * Creates the codec for {@code List<E>}.
     *
     * @param element the element
     * @return the codec
     */
    static <E> TypeCodec<List<E>> list(ArrayElement<E> element) {
        return new ListCodec<>(element);
    }

    /**
     * Creates the codec for {@code E[]}.
     *
     * @param element the element
     * @return the codec
     */
    static <E> TypeCodec<E[]> objectArray(ArrayElement<E> element) {
        return new ObjectArrayCodec<>(element);
    }

    /**
     * The codec for an array of a primitive type, or {@code null} when that primitive is not supported.
     *
     * @param componentType e.g. {@code int.class}
     * @return the codec, or {@code null}
     */
    static @Nullable TypeCodec<?> primitiveArray(Class<?> componentType) {
        for (PrimitiveArrayCodec codec : PrimitiveArrayCodec.values()) {
            if (codec.componentType == componentType) {
                return codec;
            }
        }
        return null;
    }

    /** PostgreSQL's text input form of a one-dimensional array: each element converted for the driver, quoted. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String literal(@Nullable ArrayElement element, @Nullable Object[] items) {
        Object[] elements = new Object[items.length];
        for (int i = 0; i < items.length; i++) {
            Object item = items[i];
            elements[i] = item == null || element == null ? item : element.toDriver(item);
        }
        return BulkForm.arrayLiteral(elements);
    }

    private static @Nullable Object @Nullable [] readElements(ResultSet rows, int index) throws SQLException {
        Array array = rows.getArray(index);
        if (array == null) {
            return null;
        }
        try {
            Object values = array.getArray();
            if (!(values instanceof Object[])) {
                throw new IllegalArgumentException(
                        "the stored value is not an array of objects; check the column type");
            }
            return (Object[]) values;
        } finally {
            array.free();
        }
    }

    private static final class ListCodec<E> implements TypeCodec<List<E>> {
        private final ArrayElement<E> element;
        private final String sqlType;
        private final BulkForm<List<E>> bulkForm;

        ListCodec(ArrayElement<E> element) {
            this.element = element;
            this.sqlType = element.sqlType() + "[]";
            this.bulkForm = BulkForm.text(sqlType, list -> literal(element, list.toArray()));
        }

        @Override
        public BulkForm<List<E>> bulkForm() {
            return bulkForm;
        }

        @Override
        public String sqlType() {
            return sqlType;
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable List<E> value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.ARRAY);
                return;
            }
            Object[] values = new Object[value.size()];
            int i = 0;
            for (E item : value) {
                values[i++] = item == null ? null : element.toDriver(item);
            }
            statement.setArray(index, statement.getConnection().createArrayOf(element.driverTypeName(), values));
        }

        @Override
        public @Nullable List<E> read(ResultSet rows, int index) throws SQLException {
            @Nullable Object[] values = readElements(rows, index);
            if (values == null) {
                return null;
            }
            @SuppressWarnings("unchecked")
            E[] converted = (E[]) new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                Object item = values[i];
                converted[i] = item == null ? null : element.fromDriver(item);
            }
            return Collections.unmodifiableList(Arrays.asList(converted));
        }
    }

    private static final class ObjectArrayCodec<E> implements TypeCodec<E[]> {
        private final ArrayElement<E> element;
        private final String sqlType;
        private final E[] empty;
        private final BulkForm<E[]> bulkForm;

        @Override
        public BulkForm<E[]> bulkForm() {
            return bulkForm;
        }

        @SuppressWarnings("unchecked")
        ObjectArrayCodec(ArrayElement<E> element) {
            this.element = element;
            this.sqlType = element.sqlType() + "[]";
            // Created once here, so reading copies it rather than reflecting per row.
            this.empty = (E[]) java.lang.reflect.Array.newInstance(element.javaType(), 0);
            this.bulkForm = BulkForm.text(sqlType, array -> literal(element, array));
        }

        @Override
        public String sqlType() {
            return sqlType;
        }

        @Override
        public void bind(PreparedStatement statement, int index, E @Nullable [] value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.ARRAY);
                return;
            }
            Object[] values = new Object[value.length];
            for (int i = 0; i < value.length; i++) {
                E item = value[i];
                values[i] = item == null ? null : element.toDriver(item);
            }
            statement.setArray(index, statement.getConnection().createArrayOf(element.driverTypeName(), values));
        }

        @Override
        public E @Nullable [] read(ResultSet rows, int index) throws SQLException {
            @Nullable Object[] values = readElements(rows, index);
            if (values == null) {
                return null;
            }
            E[] converted = Arrays.copyOf(empty, values.length);
            for (int i = 0; i < values.length; i++) {
                Object item = values[i];
                converted[i] = item == null ? null : element.fromDriver(item);
            }
            return converted;
        }
    }

    /** Arrays of primitives; binding boxes the elements, reading rejects {@code NULL} elements. */
    private enum PrimitiveArrayCodec implements TypeCodec<Object> {
        BOOLEAN(boolean.class, Boolean.class) {
            @Override
            Object[] box(Object array) {
                boolean[] source = (boolean[]) array;
                Object[] boxed = new Object[source.length];
                for (int i = 0; i < source.length; i++) {
                    boxed[i] = source[i];
                }
                return boxed;
            }

            @Override
            Object unbox(@Nullable Object[] values) {
                boolean[] target = new boolean[values.length];
                for (int i = 0; i < values.length; i++) {
                    target[i] = (Boolean) nonNull(values[i]);
                }
                return target;
            }
        },
        SHORT(short.class, Short.class) {
            @Override
            Object[] box(Object array) {
                short[] source = (short[]) array;
                Object[] boxed = new Object[source.length];
                for (int i = 0; i < source.length; i++) {
                    boxed[i] = source[i];
                }
                return boxed;
            }

            @Override
            Object unbox(@Nullable Object[] values) {
                short[] target = new short[values.length];
                for (int i = 0; i < values.length; i++) {
                    target[i] = (Short) nonNull(values[i]);
                }
                return target;
            }
        },
        INT(int.class, Integer.class) {
            @Override
            Object[] box(Object array) {
                int[] source = (int[]) array;
                Object[] boxed = new Object[source.length];
                for (int i = 0; i < source.length; i++) {
                    boxed[i] = source[i];
                }
                return boxed;
            }

            @Override
            Object unbox(@Nullable Object[] values) {
                int[] target = new int[values.length];
                for (int i = 0; i < values.length; i++) {
                    target[i] = (Integer) nonNull(values[i]);
                }
                return target;
            }
        },
        LONG(long.class, Long.class) {
            @Override
            Object[] box(Object array) {
                long[] source = (long[]) array;
                Object[] boxed = new Object[source.length];
                for (int i = 0; i < source.length; i++) {
                    boxed[i] = source[i];
                }
                return boxed;
            }

            @Override
            Object unbox(@Nullable Object[] values) {
                long[] target = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    target[i] = (Long) nonNull(values[i]);
                }
                return target;
            }
        },
        FLOAT(float.class, Float.class) {
            @Override
            Object[] box(Object array) {
                float[] source = (float[]) array;
                Object[] boxed = new Object[source.length];
                for (int i = 0; i < source.length; i++) {
                    boxed[i] = source[i];
                }
                return boxed;
            }

            @Override
            Object unbox(@Nullable Object[] values) {
                float[] target = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    target[i] = (Float) nonNull(values[i]);
                }
                return target;
            }
        },
        DOUBLE(double.class, Double.class) {
            @Override
            Object[] box(Object array) {
                double[] source = (double[]) array;
                Object[] boxed = new Object[source.length];
                for (int i = 0; i < source.length; i++) {
                    boxed[i] = source[i];
                }
                return boxed;
            }

            @Override
            Object unbox(@Nullable Object[] values) {
                double[] target = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    target[i] = (Double) nonNull(values[i]);
                }
                return target;
            }
        };

        private final Class<?> componentType;
        private final ArrayElement<?> element;
        private final String sqlType;
        private final BulkForm<Object> bulkForm;

        PrimitiveArrayCodec(Class<?> componentType, Class<?> boxedType) {
            this.componentType = componentType;
            this.element = java.util.Objects.requireNonNull(ArrayElement.of(boxedType));
            this.sqlType = element.sqlType() + "[]";
            this.bulkForm = BulkForm.text(sqlType, array -> literal(null, box(array)));
        }

        @Override
        public BulkForm<Object> bulkForm() {
            return bulkForm;
        }

        abstract Object[] box(Object array);

        abstract Object unbox(@Nullable Object[] values);

        /** Converts one element the driver read, rejecting {@code NULL}. */
        final Object nonNull(@Nullable Object value) {
            if (value == null) {
                throw new IllegalArgumentException("the stored array contains NULL, which " + componentType.getName()
                        + "[] cannot hold; use a List or an array of "
                        + element.javaType().getSimpleName()
                        + " instead");
            }
            return element.fromDriver(value);
        }

        @Override
        public String sqlType() {
            return sqlType;
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.ARRAY);
                return;
            }
            statement.setArray(index, statement.getConnection().createArrayOf(element.driverTypeName(), box(value)));
        }

        @Override
        public @Nullable Object read(ResultSet rows, int index) throws SQLException {
            @Nullable Object[] values = readElements(rows, index);
            return values == null ? null : unbox(values);
        }
    }
}
