package io.databridge.internal.jdbc;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Binds entity values and reads entity rows by column index, through each property's codec. No reflection: accessors
 * are the model's method handles. Thread-safe (stateless).
 */
public final class Rows {

    private Rows() {}

    /**
     * Binds the listed properties of an entity as parameters 1..n.
     *
     * @return the number of parameters bound
     */
    public static int bind(
            PreparedStatement statement, List<PropertyModel> properties, @Nullable Object[] values, int from)
            throws SQLException {
        int index = from;
        for (PropertyModel property : properties) {
            bind(statement, index++, property, values[property.index()]);
        }
        return index;
    }

    public static void bind(PreparedStatement statement, int index, PropertyModel property, @Nullable Object value)
            throws SQLException {
        try {
            property.codec().bind(statement, index, value);
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw bindFailure(property, ex);
        }
    }

    /**
     * Binds an id from parameter {@code index} on: one parameter, or one per column of a composite id (the order of
     * {@link EntityModel#idColumns()}).
     *
     * @return the next parameter index
     */
    public static int bindId(PreparedStatement statement, int index, EntityModel<?> model, Object idValue)
            throws SQLException {
        List<PropertyModel> columns = model.idColumns();
        if (!model.compositeId()) {
            bind(statement, index, columns.get(0), idValue);
            return index + 1;
        }
        Object[] parts = model.idParts(idValue);
        for (int i = 0; i < parts.length; i++) {
            bind(statement, index + i, columns.get(i), parts[i]);
        }
        return index + parts.length;
    }

    /** The failure of a codec that refused a property's value: names the property and type, never the value. */
    public static InvalidDataAccessApiUsageException bindFailure(PropertyModel property, RuntimeException ex) {
        return new InvalidDataAccessApiUsageException(
                "Cannot bind " + property.qualifiedName() + " ("
                        + property.valueType().rawType().getSimpleName() + "): " + ex.getMessage(),
                ex);
    }

    /** Reads one row whose columns are the entity's properties in model order, starting at column 1. */
    public static <T> T read(ResultSet rows, EntityModel<T> model) throws SQLException {
        return model.reader().read(rows);
    }

    /** Reads one row into an existing mutable entity, or a new record. */
    public static <T> T readInto(ResultSet rows, EntityModel<T> model, T target) throws SQLException {
        return model.merge(target, values(rows, model));
    }

    private static @Nullable Object[] values(ResultSet rows, EntityModel<?> model) throws SQLException {
        List<PropertyModel> properties = model.properties();
        Object[] values = new Object[properties.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(rows, i + 1, properties.get(i));
        }
        return values;
    }

    public static @Nullable Object read(ResultSet rows, int column, PropertyModel property) throws SQLException {
        try {
            return property.codec().read(rows, column);
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw new DataRetrievalFailureException(
                    "Cannot read " + property.qualifiedName() + " ("
                            + property.valueType().rawType().getSimpleName() + "): " + ex.getMessage(),
                    ex);
        }
    }
}
