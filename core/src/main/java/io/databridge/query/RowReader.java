package io.databridge.query;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.EntityReader;
import io.databridge.internal.model.JavaTypes;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.RowConstructor;
import io.databridge.types.TypeCodec;
import io.databridge.types.ValueType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Reads one row by column index into the query's row type. Built once per query rendering from the entity model or
 * the projection, then applied per row without reflection. Thread-safe (immutable).
 *
 * @param <R> the row type
 */
@FunctionalInterface
interface RowReader<R> {

    @Nullable
    R read(ResultSet rows) throws SQLException;

    /**
     * Reads the entity from columns 1 to n in property order, through the entity's own reader: the one the facade
     * uses, which writes each column straight into its field (no array of values per row).
     */
    static <T> RowReader<T> entity(EntityModel<T> model) {
        EntityReader<T> reader = model.reader();
        return reader::read;
    }

    @SuppressWarnings("unchecked")
    static <V> RowReader<V> scalar(
            EntityModels models, Class<?> type, Expression<?> expression, @Nullable PropertyModel property) {
        TypeCodec<Object> codec = codec(models, type, type, expression, property);
        String what = expression.toString();
        return rows -> (V) read(codec, rows, 1, what);
    }

    static RowReader<Tuple> tuple(
            EntityModels models, List<Expression<?>> expressions, List<@Nullable PropertyModel> properties) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeCodec<Object>[] codecs = new TypeCodec[expressions.size()];
        String[] names = new String[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            Class<?> type = expressions.get(i).javaType();
            codecs[i] = codec(models, type, type, expressions.get(i), properties.get(i));
            names[i] = expressions.get(i).toString();
        }
        return new TupleReader(codecs, names, expressions);
    }

    /**
     * Reads tuples; {@link #reading} gives the same reader for another query of the same shape, whose tuples find
     * values by that query's expressions.
     */
    final class TupleReader implements RowReader<Tuple> {
        private final TypeCodec<Object>[] codecs;
        private final String[] names;
        private final List<Expression<?>> expressions;

        private TupleReader(TypeCodec<Object>[] codecs, String[] names, List<Expression<?>> expressions) {
            this.codecs = codecs;
            this.names = names;
            this.expressions = expressions;
        }

        List<Expression<?>> expressions() {
            return expressions;
        }

        TupleReader reading(List<Expression<?>> own) {
            return new TupleReader(codecs, names, own);
        }

        @Override
        public Tuple read(ResultSet rows) throws SQLException {
            Object[] values = new Object[codecs.length];
            for (int i = 0; i < codecs.length; i++) {
                values[i] = RowReader.read(codecs[i], rows, i + 1, names[i]);
            }
            return new Tuple(expressions, values);
        }
    }

    /** Calls the record's canonical constructor, or the class's only constructor with that many parameters. */
    static <R> RowReader<R> constructor(
            EntityModels models,
            Class<R> type,
            List<Expression<?>> expressions,
            List<@Nullable PropertyModel> properties) {
        Constructor<?> constructor = null;
        if (type.isRecord()) {
            constructor = RowConstructor.canonical(type);
        } else {
            for (Constructor<?> candidate : type.getDeclaredConstructors()) {
                if (candidate.getParameterCount() == expressions.size()
                        && !Modifier.isPrivate(candidate.getModifiers())) {
                    if (constructor != null) {
                        throw new InvalidDataAccessApiUsageException("Cannot project into " + type.getName() + ": it"
                                + " has more than one constructor with " + expressions.size() + " parameters; use a"
                                + " record");
                    }
                    constructor = candidate;
                }
            }
        }
        if (constructor == null || constructor.getParameterCount() != expressions.size()) {
            throw new InvalidDataAccessApiUsageException("Cannot project " + expressions.size() + " expressions into "
                    + type.getName() + ": it needs a constructor (or record components) taking exactly "
                    + expressions.size() + " values in select order");
        }
        Class<?>[] parameterTypes = constructor.getParameterTypes();
        Type[] genericTypes = constructor.getGenericParameterTypes();
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeCodec<Object>[] codecs = new TypeCodec[parameterTypes.length];
        String[] names = new String[parameterTypes.length];
        int[] columns = new int[parameterTypes.length];
        for (int i = 0; i < codecs.length; i++) {
            Type generic = genericTypes.length == parameterTypes.length ? genericTypes[i] : parameterTypes[i];
            codecs[i] = codec(models, parameterTypes[i], generic, expressions.get(i), properties.get(i));
            names[i] = type.isRecord() ? type.getRecordComponents()[i].getName() : "parameter " + i;
            columns[i] = i + 1;
        }
        return RowConstructor.of(type, constructor, names, codecs, columns)::read;
    }

    private static TypeCodec<Object> codec(
            EntityModels models, Class<?> type, Type generic, Expression<?> source, @Nullable PropertyModel property) {
        if (property != null && JavaTypes.box(property.valueType().rawType()) == JavaTypes.box(type)) {
            return property.codec();
        }
        try {
            @SuppressWarnings("unchecked")
            TypeCodec<Object> codec =
                    (TypeCodec<Object>) models.codecs().resolve(new ValueType(type, generic, false, null, null));
            return codec;
        } catch (IllegalArgumentException ex) {
            throw new InvalidDataAccessApiUsageException(
                    "Cannot read " + source + " as " + type.getName() + ": " + ex.getMessage(), ex);
        }
    }

    static @Nullable Object read(TypeCodec<Object> codec, ResultSet rows, int column, String what) throws SQLException {
        try {
            return codec.read(rows, column);
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw new DataRetrievalFailureException("Cannot read " + what + ": " + ex.getMessage(), ex);
        }
    }
}
