package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.Rows;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.PropertyModel.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;

/**
 * What the insert strategies that do not read the stored rows back ({@link UnnestInsert}'s ids-only path, {@link
 * CopyInsert}) know about them: the ids the database allocated (a range, or an array when they have gaps), the values
 * of the computed columns, and the stored entity merged from the row sent and those. Stateless.
 */
final class InsertedRows {

    private InsertedRows() {}

    /**
     * Reads the values of the computed columns from a row of {@link BulkInsertSql#allocate()}'s shape.
     *
     * @param text receives each value's text form, when not {@code null}
     */
    static void readComputed(
            ResultSet rows,
            List<PropertyModel> copyColumns,
            int first,
            @Nullable Object[] computed,
            @Nullable Object @Nullable [] text)
            throws SQLException {
        for (int c = first; c < copyColumns.size(); c++) {
            PropertyModel property = copyColumns.get(c);
            int column =
                    property.role() == Role.VERSION ? 4 : "LOCALTIMESTAMP".equals(property.insertExpression()) ? 3 : 2;
            computed[c] = Rows.read(rows, column, property);
            if (text != null) {
                text[c] = rows.getString(column);
            }
        }
    }

    /**
     * The stored entity of an input row: the values sent, the allocated id, the computed values. A class entity only
     * has the values the database added set (the rest are the values it sent); a record is rebuilt.
     */
    static <T> T merge(
            EntityModel<T> model,
            T entity,
            @Nullable Object[] row,
            Object @Nullable [] ids,
            int idIndex,
            List<PropertyModel> copyColumns,
            int firstComputed,
            @Nullable Object[] computed) {
        if (!model.isRecord()) {
            if (ids != null) {
                model.id().set(entity, ids[idIndex]);
            }
            for (int c = firstComputed; c < copyColumns.size(); c++) {
                copyColumns.get(c).set(entity, computed[c]);
            }
            return entity;
        }
        if (ids != null) {
            row[model.id().index()] = ids[idIndex];
        }
        for (int c = firstComputed; c < copyColumns.size(); c++) {
            row[copyColumns.get(c).index()] = computed[c];
        }
        return model.merge(entity, row);
    }

    /**
     * The ids of a {@link BulkInsertSql#allocate()} row, smallest first: a range when they are contiguous (the usual
     * case), else the array a concurrent inserter's gaps made the statement return.
     */
    static Object[] allocatedRange(ResultSet rows, PropertyModel id, int expected) throws SQLException {
        Array spread = rows.getArray(1);
        Object[] ids = ids(spread, id, rows.getLong(5), expected);
        if (spread != null) {
            // array_agg keeps no order without an ORDER BY, which would sort in the usual range case too.
            Arrays.sort(ids);
        }
        return ids;
    }

    /** The ids of a statement that returns them as an array only when they are not the range from {@code first}. */
    static Object[] ids(@Nullable Array spread, PropertyModel id, long first, int count) throws SQLException {
        return spread != null
                ? allocatedIds(spread, id, count)
                : range(id.valueType().rawType(), first, count);
    }

    static Object[] range(Class<?> type, long first, int count) {
        Object[] ids = new Object[count];
        for (int i = 0; i < count; i++) {
            ids[i] = boxId(type, first + i);
        }
        return ids;
    }

    static Object boxId(Class<?> type, long value) {
        if (type == Long.class || type == long.class) {
            return value;
        }
        return type == Integer.class || type == int.class ? (Object) Math.toIntExact(value) : (Object) (short) value;
    }

    static Object[] allocatedIds(Array array, PropertyModel id, int expected) throws SQLException {
        try {
            Object[] raw = (Object[]) array.getArray();
            if (raw.length != expected) {
                throw new IncorrectResultSizeDataAccessException(expected, raw.length);
            }
            Class<?> type = id.valueType().rawType();
            if (type == Long.class || type == long.class) {
                return raw;
            }
            Object[] ids = new Object[raw.length];
            for (int i = 0; i < raw.length; i++) {
                ids[i] = boxId(type, ((Number) raw[i]).longValue());
            }
            return ids;
        } finally {
            array.free();
        }
    }
}
