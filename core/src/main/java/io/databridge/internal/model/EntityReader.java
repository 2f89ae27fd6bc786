package io.databridge.internal.model;

import io.databridge.mapping.EntityMappingException;
import io.databridge.types.TypeCodec;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataRetrievalFailureException;

/**
 * Reads one row into an entity, each property from a fixed column, specialized once per entity and column layout.
 * Immutable and thread-safe.
 *
 * <p>For a class entity the reader creates the instance and writes each column straight into its property: no array
 * of values, no boxed primitives left behind. Each property is one method handle that binds the property's codec,
 * column and field setter as constants, so once it is hot the JIT compiles the codec's read and the field write into
 * it (a handle invoked often enough is customized, its bound values becoming constants); a loop over codecs and
 * setters read from arrays would instead make one megamorphic codec call and one non-constant handle call per value.
 * A record entity is read into an array of values and built through its canonical constructor, as {@link
 * EntityModel#instantiate(Object[])} does.
 *
 * <p>Failures are those of {@link EntityModel#instantiate(Object[])}: a codec that rejects a value fails with a
 * {@link DataRetrievalFailureException} naming {@code Entity.property}, and {@code NULL} in a primitive property with
 * the same {@link EntityMappingException}, raised after the row's other columns were read.
 *
 * @param <T> the entity type
 */
public final class EntityReader<T> {

    /** The most properties whose writers are chained into one handle; past it, a loop calls them one by one. */
    private static final int MAX_CHAINED = 32;

    private static final MethodHandle READ_INTO;
    private static final MethodHandle READ_INTO_PRIMITIVE;
    private static final MethodHandle FIRST_UNSET;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodType type = MethodType.methodType(
                boolean.class,
                TypeCodec.class,
                int.class,
                PropertyModel.class,
                MethodHandle.class,
                Object.class,
                ResultSet.class);
        try {
            READ_INTO = lookup.findStatic(EntityReader.class, "readInto", type);
            READ_INTO_PRIMITIVE = lookup.findStatic(EntityReader.class, "readIntoPrimitive", type);
            FIRST_UNSET = lookup.findStatic(
                    EntityReader.class,
                    "firstUnset",
                    MethodType.methodType(int.class, int.class, boolean.class, int.class));
        } catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final EntityModel<T> model;
    private final PropertyModel[] properties;
    private final TypeCodec<Object>[] codecs;
    private final int[] columns;
    private final MethodHandle @Nullable [] writers;
    private final PropertyModel[] written;
    private final @Nullable MethodHandle chain;

    private EntityReader(EntityModel<T> model, int[] columns, @Nullable PropertyModel skipped) {
        List<PropertyModel> list = model.properties();
        if (columns.length != list.size()) {
            throw new IllegalArgumentException("Expected " + list.size() + " columns for "
                    + model.type().getName() + " but got " + columns.length);
        }
        this.model = model;
        this.properties = list.toArray(new PropertyModel[0]);
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeCodec<Object>[] codecArray = new TypeCodec[properties.length];
        for (int i = 0; i < properties.length; i++) {
            codecArray[i] = properties[i].codec();
        }
        this.codecs = codecArray;
        this.columns = columns.clone();
        if (model.isRecord() || model.hasValueObjects()) {
            this.writers = null;
            this.written = properties;
            this.chain = null;
        } else {
            List<MethodHandle> handles = new ArrayList<>(properties.length);
            List<PropertyModel> set = new ArrayList<>(properties.length);
            for (int i = 0; i < properties.length; i++) {
                PropertyModel property = properties[i];
                if (property == skipped) {
                    continue;
                }
                MethodHandle setter = property.setter();
                if (setter == null) {
                    throw new IllegalStateException(property.qualifiedName() + " has no setter");
                }
                handles.add(MethodHandles.insertArguments(
                        property.primitive() ? READ_INTO_PRIMITIVE : READ_INTO,
                        0,
                        codecs[i],
                        this.columns[i],
                        property,
                        setter));
                set.add(property);
            }
            MethodHandle[] all = handles.toArray(new MethodHandle[0]);
            this.writers = all;
            this.written = set.toArray(new PropertyModel[0]);
            this.chain = all.length <= MAX_CHAINED ? chain(all) : null;
        }
    }

    /**
     * {@code (Object entity, ResultSet rows)int}: the writers called in order by one handle, returning the index of
     * the first that left its primitive unset ({@code NULL}), or -1. One handle invocation per row instead of one per
     * property: the JIT inlines the whole chain with the codecs and setters bound in it.
     */
    private static MethodHandle chain(MethodHandle[] writers) {
        MethodType step = MethodType.methodType(int.class, boolean.class, Object.class, ResultSet.class, int.class);
        MethodHandle chain =
                MethodHandles.dropArguments(MethodHandles.identity(int.class), 0, Object.class, ResultSet.class);
        for (int i = writers.length - 1; i >= 0; i--) {
            // (Object, ResultSet, int first)int -> (boolean set, Object, ResultSet, int first)int, then the writer
            // supplies the boolean from (Object, ResultSet).
            MethodHandle merged =
                    MethodHandles.collectArguments(chain, 2, MethodHandles.insertArguments(FIRST_UNSET, 0, i));
            chain = MethodHandles.foldArguments(MethodHandles.permuteArguments(merged, step, 1, 2, 0, 3), writers[i]);
        }
        return MethodHandles.insertArguments(chain, 2, -1);
    }

    /** The first writer that left its primitive unset: {@code first} if one did already, else {@code index}. */
    @SuppressWarnings("unused") // bound in chain
    private static int firstUnset(int index, boolean set, int first) {
        return first >= 0 || set ? first : index;
    }

    /**
     * A reader of rows whose columns hold the entity's properties.
     *
     * @param model the entity
     * @param columns the 1-based column of each property, in {@link EntityModel#properties()} order
     * @param <T> the entity type
     * @return the reader
     * @throws IllegalArgumentException when there is not one column per property
     */
    public static <T> EntityReader<T> of(EntityModel<T> model, int[] columns) {
        return new EntityReader<>(model, columns, null);
    }

    /**
     * A reader of the same columns that leaves one property of a class entity unread, at the value its constructor
     * gave it: for a to-one back reference the caller sets to an instance it already holds, so that no id-only
     * reference is built per row. A record, or an entity with value objects, is read whole (this reader).
     *
     * @param property one of the entity's properties
     * @return the reader
     */
    public EntityReader<T> without(PropertyModel property) {
        return writers == null ? this : new EntityReader<>(model, columns, property);
    }

    /**
     * Reads the current row.
     *
     * @param rows the result set, positioned on a row
     * @return a new entity
     * @throws SQLException when the driver fails
     * @throws DataRetrievalFailureException when a codec rejects a value
     * @throws EntityMappingException when a primitive property would receive {@code NULL}, or the constructor throws
     */
    public T read(ResultSet rows) throws SQLException {
        MethodHandle[] handles = writers;
        if (handles == null) {
            return model.instantiate(values(rows));
        }
        T entity = model.newInstance();
        MethodHandle all = chain;
        int nullInPrimitive = -1;
        if (all != null) {
            nullInPrimitive = writeAll(all, entity, rows);
        } else {
            for (int i = 0; i < handles.length; i++) {
                if (!write(handles[i], entity, rows) && nullInPrimitive < 0) {
                    nullInPrimitive = i;
                }
            }
        }
        if (nullInPrimitive >= 0) {
            throw written[nullInPrimitive].nullForPrimitive();
        }
        return entity;
    }

    private @Nullable Object[] values(ResultSet rows) throws SQLException {
        Object[] values = new Object[properties.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(codecs[i], columns[i], properties[i], rows);
        }
        return values;
    }

    private static int writeAll(MethodHandle chain, Object entity, ResultSet rows) throws SQLException {
        try {
            return (int) chain.invokeExact(entity, rows);
        } catch (Throwable ex) {
            throw rethrown(ex);
        }
    }

    private static boolean write(MethodHandle handle, Object entity, ResultSet rows) throws SQLException {
        try {
            return (boolean) handle.invokeExact(entity, rows);
        } catch (Throwable ex) {
            throw rethrown(ex);
        }
    }

    /** What a writer threw, to throw as it is: SQL and unchecked failures, anything else wrapped. */
    private static RuntimeException rethrown(Throwable ex) throws SQLException {
        if (ex instanceof SQLException sql) {
            throw sql;
        }
        if (ex instanceof Error error) {
            throw error;
        }
        return ex instanceof RuntimeException unchecked ? unchecked : new UndeclaredThrowableException(ex);
    }

    /** Reads a column into a reference-typed property; always sets it. */
    @SuppressWarnings("unused") // bound in READ_INTO
    private static boolean readInto(
            TypeCodec<Object> codec,
            int column,
            PropertyModel property,
            MethodHandle setter,
            Object entity,
            ResultSet rows)
            throws SQLException {
        set(setter, property, entity, read(codec, column, property, rows));
        return true;
    }

    /** Reads a column into a primitive property; {@code false}, leaving it unset, for {@code NULL}. */
    @SuppressWarnings("unused") // bound in READ_INTO_PRIMITIVE
    private static boolean readIntoPrimitive(
            TypeCodec<Object> codec,
            int column,
            PropertyModel property,
            MethodHandle setter,
            Object entity,
            ResultSet rows)
            throws SQLException {
        Object value = read(codec, column, property, rows);
        if (value == null) {
            return false;
        }
        set(setter, property, entity, value);
        return true;
    }

    private static @Nullable Object read(TypeCodec<Object> codec, int column, PropertyModel property, ResultSet rows)
            throws SQLException {
        try {
            return codec.read(rows, column);
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw new DataRetrievalFailureException(
                    "Cannot read " + property.qualifiedName() + " ("
                            + property.valueType().rawType().getSimpleName() + "): " + ex.getMessage(),
                    ex);
        }
    }

    private static void set(MethodHandle setter, PropertyModel property, Object entity, @Nullable Object value) {
        try {
            setter.invokeExact(entity, value);
        } catch (Throwable ex) {
            throw new EntityMappingException("Cannot set " + property.qualifiedName() + ": " + ex, ex);
        }
    }

    @Override
    public String toString() {
        return "EntityReader[" + model.type().getName() + "]";
    }
}
