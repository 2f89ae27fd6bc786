package io.databridge.query;

import io.databridge.internal.model.JavaTypes;
import io.databridge.internal.model.PropertyModel;
import io.databridge.types.BulkForm;
import io.databridge.types.TypeCodec;
import io.databridge.types.ValueType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** Binding helpers: codec binds with clear failures, arrays for {@code = ANY(?)}, LIKE escaping. Stateless. */
final class Values {

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
     * Renders the values of {@code = ANY(...)} through their codec, the column's when they are of its type, else the
     * registry's for their class: one array parameter ({@code ?}, or {@code ?::type[]} when the codec's elements travel
     * as text) when the codec has a {@linkplain TypeCodec#bulkForm() bulk form}, else {@code ARRAY[?, ...]::type[]}
     * with each value bound by the codec.
     *
     * @param values the non-empty values, none {@code null}
     * @param property the property of the column compared, or {@code null}
     */
    static void bindArray(SqlRenderer renderer, List<?> values, @Nullable PropertyModel property) {
        TypeCodec<Object> codec = elementCodec(renderer, values, property);
        if (codec == null) {
            renderer.append("ARRAY[");
            for (int i = 0; i < values.size(); i++) {
                renderer.append(i == 0 ? "" : ", ").bindValue(values.get(i), null);
            }
            renderer.append(']');
            return;
        }
        BulkForm<Object> form = codec.bulkForm();
        if (form == null) {
            renderer.append("ARRAY[");
            for (int i = 0; i < values.size(); i++) {
                renderer.append(i == 0 ? "" : ", ").bind(values.get(i), codec::bind);
            }
            renderer.append("]::").append(codec.sqlType()).append("[]");
            return;
        }
        // The bound value is this list: bind it as captured (the bind hands it back as a nullable Object).
        renderer.bind(values, (statement, index, value) -> bindArray(statement, index, form, values));
        String cast = form.cast();
        if (cast != null) {
            renderer.append("::").append(cast).append("[]");
        }
    }

    /**
     * Adds what {@link #bindArray} renders depends on to a shape: the values' class, whether they share it, and their
     * number when each is bound on its own (a codec without a bulk form).
     */
    static void shape(ShapeKey key, List<?> values) {
        Class<?> first = valueClass(values.get(0));
        boolean same = true;
        for (Object value : values) {
            if (valueClass(value) != first) {
                same = false;
                break;
            }
        }
        key.add(first).add(same);
        boolean bulk = same
                && key.models()
                        .codecs()
                        .find(ValueType.of(first))
                        .map(codec -> codec.bulkForm() != null)
                        .orElse(false);
        if (!bulk) {
            key.add(values.size());
        }
    }

    /** The codec all values bind through, or {@code null} when they are of different classes no column types. */
    @SuppressWarnings("unchecked")
    private static @Nullable TypeCodec<Object> elementCodec(
            SqlRenderer renderer, List<?> values, @Nullable PropertyModel property) {
        if (property != null) {
            Class<?> type = JavaTypes.box(property.valueType().rawType());
            if (values.stream().allMatch(type::isInstance)) {
                return property.codec();
            }
        }
        Class<?> elementClass = valueClass(values.get(0));
        for (Object value : values) {
            if (valueClass(value) != elementClass) {
                return null;
            }
        }
        return (TypeCodec<Object>)
                renderer.models.codecs().find(ValueType.of(elementClass)).orElse(null);
    }

    private static Class<?> valueClass(Object value) {
        return value instanceof Enum<?> constant ? constant.getDeclaringClass() : value.getClass();
    }

    private static void bindArray(PreparedStatement statement, int index, BulkForm<Object> form, List<?> values)
            throws SQLException {
        Object[] elements = form.newArray(values.size());
        try {
            for (int i = 0; i < elements.length; i++) {
                elements[i] = form.encode(values.get(i));
            }
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw new InvalidDataAccessApiUsageException("Cannot bind a value of an IN list: " + ex.getMessage(), ex);
        }
        statement.setArray(index, statement.getConnection().createArrayOf(form.elementType(), elements));
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
