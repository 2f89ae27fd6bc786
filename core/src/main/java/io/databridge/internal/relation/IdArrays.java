package io.databridge.internal.relation;

import io.databridge.internal.model.PropertyModel;
import io.databridge.types.BulkForm;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Binds a set of ids as one array parameter, for {@code = ANY(?)} and {@code <> ALL(?)}, the way the id's codec says its
 * values travel many at a time ({@link io.databridge.types.TypeCodec#bulkForm()}): as a typed array the driver
 * encodes, or as {@code text[]} cast in the statement (also for a codec without a bulk form). Stateless.
 */
final class IdArrays {

    private IdArrays() {}

    /** The placeholder of an array of {@code id}'s values: {@code ?}, or e.g. {@code ?::text[]::numeric[]}. */
    static String placeholder(PropertyModel id) {
        BulkForm<Object> form = id.codec().bulkForm();
        if (form != null && !form.isText()) {
            return "?";
        }
        String cast = form == null ? id.codec().sqlType() : form.cast();
        return cast == null ? "?::text[]" : "?::text[]::" + cast + "[]";
    }

    /** Binds the ids at {@code index}. */
    static void bind(PreparedStatement statement, int index, PropertyModel id, Collection<?> ids) throws SQLException {
        BulkForm<Object> form = id.codec().bulkForm();
        Object[] values;
        String element;
        if (form == null) {
            values = ids.stream().map(String::valueOf).toArray(String[]::new);
            element = "text";
        } else {
            values = form.newArray(ids.size());
            int i = 0;
            for (Object value : ids) {
                values[i++] = form.encode(value);
            }
            element = form.elementType();
        }
        statement.setArray(index, statement.getConnection().createArrayOf(element, values));
    }

    /** The id of a to-one value, or {@code null}. */
    static @Nullable Object idOf(PropertyModel id, @Nullable Object entity) {
        return entity == null ? null : id.get(entity);
    }
}
