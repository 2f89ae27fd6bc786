package io.databridge.internal.relation;

import io.databridge.internal.model.PropertyModel;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Binds a set of ids as one array parameter, for {@code = ANY(?)} and {@code <> ALL(?)}: the driver encodes the id
 * types it knows (numbers, text, uuid); any other id travels as {@code text[]} cast in the statement. Stateless.
 */
final class IdArrays {

    private static final Map<String, String> ELEMENTS =
            Map.of("bigint", "int8", "integer", "int4", "smallint", "int2", "uuid", "uuid", "text", "text");

    private IdArrays() {}

    /** The placeholder of an array of {@code id}'s values: {@code ?}, or {@code ?::text[]::numeric[]}. */
    static String placeholder(PropertyModel id) {
        String type = id.codec().sqlType();
        return ELEMENTS.containsKey(type) ? "?" : "?::text[]::" + type + "[]";
    }

    /** Binds the ids at {@code index}. */
    static void bind(PreparedStatement statement, int index, PropertyModel id, Collection<?> ids) throws SQLException {
        String element = ELEMENTS.get(id.codec().sqlType());
        Object[] values;
        if (element == null) {
            values = ids.stream().map(String::valueOf).toArray(String[]::new);
            element = "text";
        } else {
            values = ids.toArray();
        }
        statement.setArray(index, statement.getConnection().createArrayOf(element, values));
    }

    /** The id of a to-one value, or {@code null}. */
    static @Nullable Object idOf(PropertyModel id, @Nullable Object entity) {
        return entity == null ? null : id.get(entity);
    }
}
