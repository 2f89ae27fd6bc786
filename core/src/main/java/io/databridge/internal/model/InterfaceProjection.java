package io.databridge.internal.model;

import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.NamingStrategy;
import io.databridge.types.TypeCodec;
import io.databridge.types.TypeCodecs;
import io.databridge.types.ValueType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A closed interface projection: an interface whose abstract methods are accessors ({@code getEmail()}, {@code
 * isActive()} or record-style {@code email()}), each read from the column {@code snake_case(property)}. The shape is
 * analysed once per interface: the accessors, their order and a {@code Method → index} map for the proxy's handler.
 * Instances are JDK dynamic proxies over an immutable value array; {@code equals}, {@code hashCode} and {@code
 * toString} are value-based (toString like a record's), and {@code default} methods run through {@link
 * InvocationHandler#invokeDefault}. Shared by raw SQL, {@code @Query} and derived repository queries. Immutable and
 * thread-safe.
 *
 * @param <P> the projection interface
 */
public final class InterfaceProjection<P> {

    /**
     * One accessor of a projection.
     *
     * @param method the abstract method
     * @param property the property it reads ({@code email} for {@code getEmail()})
     * @param column the column it reads by default ({@code snake_case(property)})
     */
    public record Accessor(Method method, String property, String column) {

        /**
         * The accessor's return type, as declared (generic).
         *
         * @return the generic return type
         */
        public Type genericType() {
            return method.getGenericReturnType();
        }

        /**
         * The accessor's raw return type.
         *
         * @return the raw return type
         */
        public Class<?> type() {
            return method.getReturnType();
        }

        /**
         * Names the accessor as messages do: {@code getEmail()}.
         *
         * @return the description
         */
        public String describe() {
            return method.getName() + "()";
        }
    }

    private static final int EQUALS = -1;
    private static final int HASH_CODE = -2;
    private static final int TO_STRING = -3;
    private static final int DEFAULT = -4;

    private static final ClassValue<InterfaceProjection<?>> SHAPES = new ClassValue<>() {
        @Override
        protected InterfaceProjection<?> computeValue(Class<?> type) {
            return new InterfaceProjection<>(type);
        }
    };

    private final Class<P> type;
    private final List<Accessor> accessors;
    private final boolean[] primitive;
    private final Map<Method, Integer> dispatch;

    private InterfaceProjection(Class<P> type) {
        this.type = type;
        if (!type.isInterface() || type.isAnnotation()) {
            throw new EntityMappingException(
                    "Cannot project into " + type.getName() + ": it is not an interface (declare an interface)");
        }
        if (type.getTypeParameters().length > 0) {
            throw new EntityMappingException("Cannot project into " + type.getName()
                    + ": it has type parameters (declare a non-generic interface)");
        }
        Map<Method, Integer> methods = new HashMap<>();
        List<Accessor> found = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || isObjectMethod(method)) {
                continue;
            }
            if (method.isDefault()) {
                methods.put(method, DEFAULT);
                continue;
            }
            if (method.getParameterCount() > 0) {
                throw new EntityMappingException("Cannot project into " + type.getName() + ": method "
                        + method.getName() + "("
                        + Arrays.stream(method.getParameterTypes())
                                .map(Class::getSimpleName)
                                .collect(Collectors.joining(", "))
                        + ") takes parameters (an accessor takes none; make it a default method or remove it)");
            }
            if (method.getReturnType() == void.class) {
                throw new EntityMappingException("Cannot project into " + type.getName() + ": method "
                        + method.getName() + "() returns void (an accessor returns the column's value)");
            }
            String property = property(method);
            found.add(new Accessor(method, property, NamingStrategy.snakeCase(property)));
        }
        if (found.isEmpty()) {
            throw new EntityMappingException("Cannot project into " + type.getName()
                    + ": it declares no accessor (add methods such as getEmail() or email())");
        }
        // getMethods() has no defined order; sort so toString and the column order are stable.
        found.sort((a, b) -> a.method().getName().compareTo(b.method().getName()));
        for (int i = 0; i < found.size(); i++) {
            methods.put(found.get(i).method(), i);
        }
        try {
            methods.put(Object.class.getMethod("equals", Object.class), EQUALS);
            methods.put(Object.class.getMethod("hashCode"), HASH_CODE);
            methods.put(Object.class.getMethod("toString"), TO_STRING);
        } catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
        this.accessors = List.copyOf(found);
        this.primitive = new boolean[found.size()];
        for (int i = 0; i < primitive.length; i++) {
            primitive[i] = found.get(i).type().isPrimitive();
        }
        this.dispatch = Collections.unmodifiableMap(methods);
    }

    /**
     * Whether a type is used as an interface projection: an interface (not an annotation, not a JDK type such as
     * {@code Map}) with no codec of its own.
     *
     * @param type the row type
     * @param codecs the codecs, which may claim interfaces such as {@code List}
     * @return {@code true} when rows of this type are interface projections
     */
    public static boolean isProjection(Class<?> type, TypeCodecs codecs) {
        return type.isInterface()
                && !type.isAnnotation()
                && !type.getName().startsWith("java.")
                && codecs.find(ValueType.of(type)).isEmpty();
    }

    /**
     * The projection of an interface, analysed once and cached.
     *
     * @param type the interface
     * @param <P> the interface type
     * @return its projection
     * @throws EntityMappingException when the interface is not a closed projection: not an interface, generic, without
     *     accessors, or with an abstract method that takes parameters or returns void
     */
    @SuppressWarnings("unchecked")
    public static <P> InterfaceProjection<P> of(Class<P> type) {
        return (InterfaceProjection<P>) SHAPES.get(type);
    }

    /**
     * The projected interface.
     *
     * @return the interface
     */
    public Class<P> type() {
        return type;
    }

    /**
     * The accessors, in the order of the value arrays {@link #newInstance(Object[])} takes.
     *
     * @return the accessors
     */
    public List<Accessor> accessors() {
        return accessors;
    }

    /**
     * Creates an instance over values, one per accessor in {@link #accessors()} order. The array is taken over, not
     * copied: the caller must not change it.
     *
     * @param values the values
     * @return the instance
     * @throws DataRetrievalFailureException when a value is {@code null} for an accessor of primitive type
     */
    public P newInstance(@Nullable Object[] values) {
        for (int i = 0; i < primitive.length; i++) {
            if (primitive[i] && values[i] == null) {
                Accessor accessor = accessors.get(i);
                throw new DataRetrievalFailureException(
                        "Cannot map NULL to " + type.getName() + "." + accessor.describe() + " of primitive type "
                                + accessor.type().getName() + ": use the wrapper type");
            }
        }
        return type.cast(
                Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Handler(this, values)));
    }

    /**
     * Specializes a reader for a result: finds each accessor's column by label (the property name, case-insensitive,
     * then {@code snake_case(property)}) and resolves its codec from the accessor's generic return type.
     *
     * @param codecs the codecs
     * @param labels the 1-based column index by lower-case column label
     * @return the reader, to use for every row of results with these labels
     * @throws InvalidDataAccessApiUsageException when the result has no column for an accessor, or an accessor's type
     *     has no codec
     */
    public RowReader<P> reader(TypeCodecs codecs, Map<String, Integer> labels) {
        int[] columns = new int[accessors.size()];
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeCodec<Object>[] readers = new TypeCodec[accessors.size()];
        for (int i = 0; i < columns.length; i++) {
            Accessor accessor = accessors.get(i);
            Integer column = labels.get(accessor.property().toLowerCase(Locale.ROOT));
            if (column == null) {
                column = labels.get(accessor.column());
            }
            if (column == null) {
                throw new InvalidDataAccessApiUsageException("Cannot map rows to " + type.getName()
                        + ": the query returns no column named '" + accessor.column() + "' for accessor "
                        + accessor.describe() + "; alias a column to that name");
            }
            columns[i] = column;
            try {
                @SuppressWarnings("unchecked")
                TypeCodec<Object> codec = (TypeCodec<Object>)
                        codecs.resolve(new ValueType(accessor.type(), accessor.genericType(), false, null, null));
                readers[i] = codec;
            } catch (IllegalArgumentException ex) {
                throw new EntityMappingException(
                        "Cannot map " + type.getName() + "." + accessor.describe() + ": " + ex.getMessage(), ex);
            }
        }
        return new RowReader<>(this, readers, columns);
    }

    /**
     * Reads rows of one result into projection instances: per row, one codec read per accessor. Immutable and
     * thread-safe.
     *
     * @param <P> the projection interface
     */
    public static final class RowReader<P> {

        private final InterfaceProjection<P> projection;
        private final TypeCodec<Object>[] codecs;
        private final int[] columns;

        RowReader(InterfaceProjection<P> projection, TypeCodec<Object>[] codecs, int[] columns) {
            this.projection = projection;
            this.codecs = codecs;
            this.columns = columns;
        }

        /**
         * Reads the current row.
         *
         * @param rows the result set, positioned on a row
         * @return the instance
         * @throws SQLException from the driver
         * @throws DataRetrievalFailureException when a value cannot be read, or is {@code NULL} for a primitive
         */
        public P read(ResultSet rows) throws SQLException {
            Object[] values = new Object[codecs.length];
            for (int i = 0; i < codecs.length; i++) {
                try {
                    values[i] = codecs[i].read(rows, columns[i]);
                } catch (IllegalArgumentException | ClassCastException ex) {
                    throw new DataRetrievalFailureException(
                            "Cannot read " + projection.type.getName() + "."
                                    + projection.accessors.get(i).describe() + ": " + ex.getMessage(),
                            ex);
                }
            }
            return projection.newInstance(values);
        }
    }

    private static boolean isObjectMethod(Method method) {
        String name = method.getName();
        return switch (method.getParameterCount()) {
            case 0 -> name.equals("hashCode") || name.equals("toString");
            case 1 -> name.equals("equals") && method.getParameterTypes()[0] == Object.class;
            default -> false;
        };
    }

    /** {@code getEmail} → {@code email}, {@code isActive} (boolean) → {@code active}, {@code email} → {@code email}. */
    private static String property(Method method) {
        String name = method.getName();
        Class<?> returns = method.getReturnType();
        if (name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3))) {
            return decapitalize(name.substring(3));
        }
        if (name.length() > 2
                && name.startsWith("is")
                && Character.isUpperCase(name.charAt(2))
                && (returns == boolean.class || returns == Boolean.class)) {
            return decapitalize(name.substring(2));
        }
        return name;
    }

    /** As {@code java.beans.Introspector}: {@code Email} → {@code email}, {@code URL} stays {@code URL}. */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** The handler of one instance: the shape's dispatch map and the row's values. */
    private static final class Handler implements InvocationHandler {

        private final InterfaceProjection<?> shape;
        private final @Nullable Object[] values;

        Handler(InterfaceProjection<?> shape, @Nullable Object[] values) {
            this.shape = shape;
            this.values = values;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            Integer index = shape.dispatch.get(method);
            if (index == null) {
                throw new UnsupportedOperationException(
                        shape.type.getName() + "." + method.getName() + " is not a projection accessor");
            }
            int at = index;
            if (at >= 0) {
                return values[at];
            }
            return switch (at) {
                case EQUALS -> equalTo(args == null ? null : args[0]);
                case HASH_CODE -> 31 * shape.type.hashCode() + Arrays.deepHashCode(values);
                case TO_STRING -> describe();
                default -> InvocationHandler.invokeDefault(proxy, method, args);
            };
        }

        private boolean equalTo(@Nullable Object other) {
            if (other == null || !Proxy.isProxyClass(other.getClass())) {
                return false;
            }
            return Proxy.getInvocationHandler(other) instanceof Handler that
                    && that.shape == shape
                    && Arrays.deepEquals(values, that.values);
        }

        private String describe() {
            StringBuilder text = new StringBuilder(shape.type.getSimpleName()).append('[');
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append(", ");
                }
                // Wrapped so that arrays (byte[], String[]) print their elements, as a record's toString does not.
                String value = Arrays.deepToString(new Object[] {values[i]});
                text.append(shape.accessors.get(i).property()).append('=').append(value, 1, value.length() - 1);
            }
            return text.append(']').toString();
        }
    }
}
