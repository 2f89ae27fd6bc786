package io.databridge.internal.model;

import io.databridge.mapping.EntityMappingException;
import io.databridge.types.TypeCodec;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.springframework.dao.DataRetrievalFailureException;

/**
 * Builds objects from a row through one constructor: a record's canonical constructor or a projection class's. The
 * constructor is adapted to a method handle once; per row the reader reads each value through its codec, rejects
 * {@code NULL} for a primitive parameter, and calls it. Shared by the query DSL's projections and raw-SQL record
 * mapping. Immutable and thread-safe.
 *
 * @param <R> the type built
 */
public final class RowConstructor<R> {

    private final Class<R> type;
    private final Class<?>[] parameterTypes;
    private final String[] names;
    private final TypeCodec<Object>[] codecs;
    private final int[] columns;
    private final MethodHandle handle;

    private RowConstructor(
            Class<R> type, Constructor<?> constructor, String[] names, TypeCodec<Object>[] codecs, int[] columns) {
        this.type = type;
        this.parameterTypes = constructor.getParameterTypes();
        this.names = names.clone();
        this.codecs = codecs.clone();
        this.columns = columns.clone();
        try {
            constructor.setAccessible(true);
            this.handle = MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                    .unreflectConstructor(constructor)
                    .asType(MethodType.methodType(Object.class, parameterTypes))
                    .asSpreader(Object[].class, parameterTypes.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException ex) {
            throw new EntityMappingException("Cannot access the constructor of " + type.getName() + ": " + ex, ex);
        }
    }

    /**
     * The canonical constructor of a record.
     *
     * @param record a record class
     * @return its canonical constructor
     * @throws EntityMappingException when it cannot be found
     */
    public static Constructor<?> canonical(Class<?> record) {
        Class<?>[] parameters = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return record.getDeclaredConstructor(parameters);
        } catch (NoSuchMethodException ex) {
            throw new EntityMappingException("Cannot find the canonical constructor of " + record.getName(), ex);
        }
    }

    /**
     * Adapts a constructor for reading rows.
     *
     * @param type the class built
     * @param constructor one of its constructors
     * @param names one name per parameter, for messages (a record component's name, or {@code "parameter 0"})
     * @param codecs one codec per parameter
     * @param columns the 1-based result column of each parameter
     * @param <R> the type built
     * @return the reader
     * @throws EntityMappingException when the constructor cannot be accessed
     */
    public static <R> RowConstructor<R> of(
            Class<R> type, Constructor<?> constructor, String[] names, TypeCodec<Object>[] codecs, int[] columns) {
        return new RowConstructor<>(type, constructor, names, codecs, columns);
    }

    /**
     * Builds an object from the current row.
     *
     * @param rows the result set, positioned on a row
     * @return the object
     * @throws SQLException from the driver
     * @throws DataRetrievalFailureException when a value cannot be read, or is {@code NULL} for a primitive
     * @throws EntityMappingException when the constructor throws
     */
    public R read(ResultSet rows) throws SQLException {
        Object[] values = new Object[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            Object value;
            try {
                value = codecs[i].read(rows, columns[i]);
            } catch (IllegalArgumentException | ClassCastException ex) {
                throw new DataRetrievalFailureException(
                        "Cannot read " + type.getName() + "." + names[i] + ": " + ex.getMessage(), ex);
            }
            if (value == null && parameterTypes[i].isPrimitive()) {
                throw new DataRetrievalFailureException("Cannot map NULL to " + type.getName() + "." + names[i]
                        + " of primitive type " + parameterTypes[i].getName() + ": use the wrapper type");
            }
            values[i] = value;
        }
        try {
            return type.cast((Object) handle.invokeExact(values));
        } catch (Throwable ex) {
            throw new EntityMappingException(
                    "Cannot create " + type.getName() + ": its constructor threw "
                            + ex.getClass().getName(),
                    ex);
        }
    }
}
