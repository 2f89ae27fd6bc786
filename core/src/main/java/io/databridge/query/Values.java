package io.databridge.query;

import io.databridge.internal.model.PropertyModel;
import io.databridge.types.EnumLabels;
import io.databridge.types.TypeCodec;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** Binding helpers: codec binds with clear failures, arrays for {@code = ANY(?)}, LIKE escaping. Stateless. */
final class Values {

    /** Element classes pgjdbc's {@code createArrayOf} takes as they are, with the array element type name. */
    private static final Map<Class<?>, String> NATIVE_ARRAY_ELEMENTS = Map.of(
            String.class, "text",
            Integer.class, "int4",
            Long.class, "int8",
            Short.class, "int2",
            Double.class, "float8",
            Float.class, "float4",
            Boolean.class, "bool",
            BigDecimal.class, "numeric",
            UUID.class, "uuid");

    private Values() {}

    static void bindChecked(
            TypeCodec<Object> codec,
            PropertyModel property,
            PreparedStatement statement,
            int index,
            @Nullable Object value)
            throws SQLException {
        try {
            codec.bind(statement, index, value);
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw new InvalidDataAccessApiUsageException(
                    "Cannot bind " + property.qualifiedName() + " ("
                            + property.valueType().rawType().getSimpleName() + "): " + ex.getMessage(),
                    ex);
        }
    }

    /**
     * Renders {@code ?} (or {@code ?::type[]}) bound to one array holding all values, for {@code = ANY(...)}.
     *
     * @param values the non-empty values, none {@code null}
     * @param sqlType the element's PostgreSQL type from the codec, used as a cast when elements travel as text
     */
    static void bindArray(SqlRenderer renderer, List<?> values, @Nullable String sqlType) {
        Class<?> elementClass = values.get(0).getClass();
        for (Object value : values) {
            if (value.getClass() != elementClass) {
                elementClass = Object.class;
                break;
            }
        }
        String nativeName = NATIVE_ARRAY_ELEMENTS.get(elementClass);
        if (nativeName != null) {
            Object[] elements = values.toArray();
            String name = nativeName;
            renderer.bind(values, (statement, index, v) -> statement.setArray(index, array(statement, name, elements)));
            return;
        }
        String[] texts = new String[values.size()];
        for (int i = 0; i < texts.length; i++) {
            Object value = values.get(i);
            texts[i] = value instanceof Enum<?> constant ? EnumLabels.label(constant) : value.toString();
        }
        renderer.bind(values, (statement, index, v) -> statement.setArray(index, array(statement, "text", texts)));
        if (sqlType != null && !sqlType.equals("text") && !sqlType.startsWith("varchar")) {
            renderer.append("::").append(sqlType).append("[]");
        }
    }

    private static Array array(PreparedStatement statement, String type, Object[] elements) throws SQLException {
        return statement.getConnection().createArrayOf(type, elements);
    }

    static List<Object> nonEmpty(String method, Expression<?> target, @Nullable Collection<?> values) {
        if (values == null) {
            throw new IllegalArgumentException(target + "." + method + "(null): pass a collection of values");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(target + "." + method + "() needs at least one value; an empty list"
                    + " would match " + (method.equals("in") ? "no" : "every") + " row, so leave the condition out");
        }
        List<Object> copy = new java.util.ArrayList<>(values.size());
        for (Object value : values) {
            if (value == null) {
                throw new IllegalArgumentException(target + "." + method + "(...) got a null element; NULL never"
                        + " matches IN, use isNull() for it");
            }
            copy.add(value);
        }
        return List.copyOf(copy);
    }

    static <V> V notNull(@Nullable V value, String method, Object target) {
        if (value == null) {
            throw new IllegalArgumentException(target + "." + method + "(null): comparing with NULL is never true;"
                    + " use isNull() or isNotNull()");
        }
        return value;
    }

    /** Escapes LIKE's wildcards and its escape character (PostgreSQL's default escape, backslash). */
    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
