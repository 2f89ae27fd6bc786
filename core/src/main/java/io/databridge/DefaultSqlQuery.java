package io.databridge;

import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.jdbc.NamedParameters;
import io.databridge.internal.jdbc.ResultMappers;
import io.databridge.internal.jdbc.RowMapper;
import io.databridge.internal.model.EntityModels;
import io.databridge.types.BulkForm;
import io.databridge.types.TypeCodec;
import io.databridge.types.ValueType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** The immutable raw SQL query behind {@link io.databridge.DataBridge#sql(String)}. Thread-safe. */
final class DefaultSqlQuery implements SqlQuery {

    private static final Object UNBOUND = new Object();

    /** Rows per round trip of a streamed cursor: large enough to amortize the trip, small enough to bound memory. */
    private static final int STREAM_FETCH_SIZE = 256;

    private final NamedParameters parsed;
    private final Map<String, @Nullable Object> values;
    private final JdbcExecutor executor;
    private final EntityModels models;
    private final ResultMappers mappers;

    /** The task of observations and logs; {@code null}: {@code sql query}, {@code sql update} or {@code sql stream}. */
    private final @Nullable String task;

    DefaultSqlQuery(
            NamedParameters parsed,
            Map<String, @Nullable Object> values,
            JdbcExecutor executor,
            EntityModels models,
            ResultMappers mappers) {
        this(parsed, values, executor, models, mappers, null);
    }

    private DefaultSqlQuery(
            NamedParameters parsed,
            Map<String, @Nullable Object> values,
            JdbcExecutor executor,
            EntityModels models,
            ResultMappers mappers,
            @Nullable String task) {
        this.parsed = parsed;
        this.values = values;
        this.executor = executor;
        this.models = models;
        this.mappers = mappers;
        this.task = task;
    }

    @Override
    public SqlQuery task(String task) {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("task must not be blank");
        }
        return new DefaultSqlQuery(parsed, values, executor, models, mappers, task);
    }

    private String taskOr(String fallback) {
        String named = task;
        return named == null ? fallback : named;
    }

    @Override
    public SqlQuery param(String name, @Nullable Object value) {
        return params(java.util.Collections.singletonMap(name, value));
    }

    @Override
    public SqlQuery params(Map<String, ?> added) {
        Map<String, @Nullable Object> copy = new HashMap<>(values);
        for (Map.Entry<String, ?> entry : added.entrySet()) {
            if (entry.getKey() == null || !parsed.names().contains(entry.getKey())) {
                throw new IllegalArgumentException("The SQL has no parameter :" + entry.getKey()
                        + (parsed.names().isEmpty() ? "; it has none" : "; its parameters are " + parsed.names()));
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        return new DefaultSqlQuery(parsed, copy, executor, models, mappers, task);
    }

    @Override
    public <R> List<R> list(Class<R> type) {
        return query(type, Integer.MAX_VALUE);
    }

    @Override
    public <R> Optional<R> first(Class<R> type) {
        List<R> rows = query(type, 1);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    @Override
    public <R> R one(Class<R> type) {
        List<R> rows = query(type, 2);
        if (rows.isEmpty()) {
            throw new EmptyResultDataAccessException("The query returned no row; exactly one was expected", 1);
        }
        if (rows.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(
                    "The query returned more than one row; exactly one was expected", 1);
        }
        return rows.get(0);
    }

    @Override
    public <R> Stream<R> stream(Class<R> type) {
        return executor.stream(
                taskOr("sql stream"),
                parsed.sql(),
                STREAM_FETCH_SIZE,
                this::bind,
                rows -> mappers.mapper(parsed.sql(), type, rows)::map);
    }

    @Override
    public long update() {
        return executor.execute(taskOr("sql update"), parsed.sql(), statement -> {
            bind(statement);
            return statement.executeLargeUpdate();
        });
    }

    private <R> List<R> query(Class<R> type, int limit) {
        if (type == null) {
            throw new IllegalArgumentException("result type must not be null");
        }
        return executor.execute(taskOr("sql query"), parsed.sql(), statement -> {
            bind(statement);
            if (limit < Integer.MAX_VALUE) {
                statement.setMaxRows(limit);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<R> result = new ArrayList<>();
                if (!rows.next()) {
                    return result;
                }
                RowMapper<R> mapper = mappers.mapper(parsed.sql(), type, rows);
                do {
                    result.add(mapper.map(rows));
                } while (rows.next());
                return result;
            }
        });
    }

    private void bind(PreparedStatement statement) throws SQLException {
        List<String> placeholders = parsed.placeholders();
        for (int i = 0; i < placeholders.size(); i++) {
            String name = placeholders.get(i);
            Object value = values.getOrDefault(name, UNBOUND);
            if (value == UNBOUND) {
                throw new InvalidDataAccessApiUsageException(
                        "No value for parameter :" + name + "; bind it with param(\"" + name + "\", value)");
            }
            bindValue(statement, i + 1, name, value);
        }
    }

    private void bindValue(PreparedStatement statement, int index, String name, @Nullable Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
            return;
        }
        if (value instanceof Collection<?> collection) {
            bindCollection(statement, index, name, collection);
            return;
        }
        TypeCodec<Object> codec = codec(value.getClass(), name);
        try {
            codec.bind(statement, index, value);
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw bindFailure(name, ex);
        }
    }

    @SuppressWarnings("unchecked")
    private TypeCodec<Object> codec(Class<?> type, String name) {
        return (TypeCodec<Object>) models.codecs()
                .find(ValueType.of(type))
                .orElseThrow(() -> new InvalidDataAccessApiUsageException("Cannot bind parameter :" + name + " of type "
                        + type.getName() + ": no codec for it; register a TypeCodec"));
    }

    private static InvalidDataAccessApiUsageException bindFailure(String name, RuntimeException ex) {
        return new InvalidDataAccessApiUsageException("Cannot bind parameter :" + name + ": " + ex.getMessage(), ex);
    }

    /**
     * Binds a collection as one array through its element's codec: as a typed array when the driver encodes the
     * elements (or they are text), else as an untyped array literal of their text form, so the server types it from
     * its context ({@code rating = ANY(:ratings)} reads an array of the column's enum type).
     */
    private void bindCollection(PreparedStatement statement, int index, String name, Collection<?> collection)
            throws SQLException {
        Class<?> elementType = null;
        for (Object element : collection) {
            if (element != null) {
                elementType = element instanceof Enum<?> constant ? constant.getDeclaringClass() : element.getClass();
                break;
            }
        }
        if (elementType == null) {
            if (!collection.isEmpty()) {
                throw new InvalidDataAccessApiUsageException("Cannot bind a collection of only nulls: its element type"
                        + " is unknown; bind a typed array (e.g. new Long[] {null}) instead");
            }
            statement.setObject(index, "{}", Types.OTHER); // an empty array literal; the server infers its type
            return;
        }
        for (Object element : collection) {
            if (element != null && !elementType.isInstance(element)) {
                throw new InvalidDataAccessApiUsageException("Cannot bind a collection mixing " + elementType.getName()
                        + " and " + element.getClass().getName() + " as one array");
            }
        }
        BulkForm<Object> form = codec(elementType, name).bulkForm();
        if (form == null) {
            throw new InvalidDataAccessApiUsageException("Cannot bind parameter :" + name + ", a collection of "
                    + elementType.getName() + ": its codec does not say how its values travel in an array; implement"
                    + " TypeCodec.bulkForm()");
        }
        try {
            if (form.cast() != null) {
                statement.setObject(index, form.arrayLiteral(collection), Types.OTHER);
                return;
            }
            Object[] elements = form.newArray(collection.size());
            int i = 0;
            for (Object element : collection) {
                elements[i++] = form.encode(element);
            }
            statement.setArray(index, statement.getConnection().createArrayOf(form.elementType(), elements));
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw bindFailure(name, ex);
        }
    }
}
