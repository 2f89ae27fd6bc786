package io.databridge.internal.jdbc;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.EntityReader;
import io.databridge.internal.model.InterfaceProjection;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.RowConstructor;
import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.NamingStrategy;
import io.databridge.types.TypeCodec;
import io.databridge.types.ValueType;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Row mappers for raw SQL results, specialized once per (SQL text, result type) from the result's column labels and
 * then reused: per row they only read columns by index through codecs. Rows map to entities, records, interface
 * projections ({@link InterfaceProjection}) or scalars. Thread-safe.
 */
public final class ResultMappers {

    private record Key(String sql, Class<?> type) {}

    private static final int MAX_CACHED = 2048;

    private final EntityModels models;
    private final Map<Key, RowMapper<?>> cache = new ConcurrentHashMap<>();

    public ResultMappers(EntityModels models) {
        this.models = models;
    }

    @SuppressWarnings("unchecked")
    public <R> RowMapper<R> mapper(String sql, Class<R> type, ResultSet rows) throws SQLException {
        Key key = new Key(sql, type);
        RowMapper<?> mapper = cache.get(key);
        if (mapper == null) {
            mapper = build(type, rows.getMetaData());
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, mapper);
        }
        return (RowMapper<R>) mapper;
    }

    private RowMapper<?> build(Class<?> type, ResultSetMetaData metaData) throws SQLException {
        Map<String, Integer> labels = new HashMap<>();
        for (int column = metaData.getColumnCount(); column >= 1; column--) {
            labels.put(metaData.getColumnLabel(column).toLowerCase(Locale.ROOT), column);
        }
        if (EntityModels.isEntity(type)) {
            return entityMapper(models.get(type), labels);
        }
        if (type.isRecord()) {
            return recordMapper(type, labels);
        }
        if (InterfaceProjection.isProjection(type, models.codecs())) {
            return InterfaceProjection.of(type).reader(models.codecs(), labels)::read;
        }
        Optional<TypeCodec<?>> codec = models.codecs().find(ValueType.of(type));
        if (codec.isEmpty()) {
            throw new InvalidDataAccessApiUsageException("Cannot map rows to " + type.getName()
                    + ": it is neither an entity (@Table), a record, an interface projection, nor a type with a"
                    + " codec");
        }
        if (metaData.getColumnCount() != 1) {
            throw new InvalidDataAccessApiUsageException("Cannot map rows to " + type.getName() + ": the query returns "
                    + metaData.getColumnCount() + " columns but a scalar result needs exactly one; map to a record");
        }
        @SuppressWarnings("unchecked")
        TypeCodec<Object> scalar = (TypeCodec<Object>) codec.get();
        boolean primitive = type.isPrimitive();
        return rows -> {
            Object value = readScalar(scalar, rows, type);
            if (value == null && primitive) {
                throw new DataRetrievalFailureException(
                        "Cannot map NULL to primitive " + type.getName() + ": request the wrapper type");
            }
            return value;
        };
    }

    private static @Nullable Object readScalar(TypeCodec<Object> codec, ResultSet rows, Class<?> type)
            throws SQLException {
        try {
            return codec.read(rows, 1);
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw new DataRetrievalFailureException("Cannot read a " + type.getName() + ": " + ex.getMessage(), ex);
        }
    }

    private static <T> RowMapper<T> entityMapper(EntityModel<T> model, Map<String, Integer> labels) {
        int size = model.properties().size();
        int[] columns = new int[size];
        boolean complete = true;
        for (PropertyModel property : model.properties()) {
            Integer column = labels.get(property.columnName().toLowerCase(Locale.ROOT));
            columns[property.index()] = column == null ? 0 : column;
            complete &= column != null;
        }
        if (!complete && model.isRecord()) {
            for (PropertyModel property : model.properties()) {
                if (columns[property.index()] == 0) {
                    throw new InvalidDataAccessApiUsageException(
                            "Cannot map rows to " + model.type().getName()
                                    + ": the query returns no column for " + property.qualifiedName()
                                    + "; select every column of a record entity");
                }
            }
        }
        if (complete) {
            return EntityReader.of(model, columns)::read;
        }
        return rows -> {
            // A class entity with some columns not selected: those properties keep their defaults.
            Object[] values = model.defaults();
            for (PropertyModel property : model.properties()) {
                int column = columns[property.index()];
                if (column > 0) {
                    values[property.index()] = Rows.read(rows, column, property);
                }
            }
            return model.instantiate(values);
        };
    }

    private RowMapper<?> recordMapper(Class<?> type, Map<String, Integer> labels) {
        RecordComponent[] components = type.getRecordComponents();
        int[] columns = new int[components.length];
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeCodec<Object>[] codecs = new TypeCodec[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = component.getName();
            Integer column = labels.get(name.toLowerCase(Locale.ROOT));
            if (column == null) {
                column = labels.get(NamingStrategy.snakeCase(name));
            }
            if (column == null) {
                throw new InvalidDataAccessApiUsageException("Cannot map rows to " + type.getName() + ": the query"
                        + " returns no column named '" + NamingStrategy.snakeCase(name) + "' for component '" + name
                        + "'; alias a column to that name");
            }
            columns[i] = column;
            try {
                @SuppressWarnings("unchecked")
                TypeCodec<Object> codec = (TypeCodec<Object>) models.codecs()
                        .resolve(new ValueType(component.getType(), component.getGenericType(), false, null, null));
                codecs[i] = codec;
            } catch (IllegalArgumentException ex) {
                throw new EntityMappingException("Cannot map " + type.getName() + "." + name + ": " + ex.getMessage());
            }
        }
        String[] names = Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
        return RowConstructor.of(type, RowConstructor.canonical(type), names, codecs, columns)::read;
    }
}
