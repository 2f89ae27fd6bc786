package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.Rows;
import io.databridge.internal.model.PropertyModel;
import io.databridge.types.BulkForm;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * How one column travels in a bulk write, as its codec says ({@link io.databridge.types.TypeCodec#bulkForm()}): as a
 * typed PostgreSQL array the driver encodes, or as a {@code text[]} of the codec's text form, cast back to the codec's
 * SQL type in the statement. A codec without a bulk form makes the bulk paths fall back to one statement per row.
 * Chosen once per entity. Immutable and thread-safe.
 */
final class BulkColumn {

    private static final BulkForm<Object> NONE = BulkForm.text("text", String::valueOf);

    private final PropertyModel property;
    private final BulkForm<Object> form;
    private final boolean supported;
    private final String quotedColumn;
    private final int index;

    private BulkColumn(PropertyModel property, @Nullable BulkForm<Object> form, String quotedColumn, int index) {
        this.property = property;
        this.form = form == null ? NONE : form;
        this.supported = form != null;
        this.quotedColumn = quotedColumn;
        this.index = index;
    }

    static BulkColumn of(PropertyModel property) {
        return new BulkColumn(property, property.codec().bulkForm(), property.quotedColumn(), property.index());
    }

    /**
     * A column the entity does not map, written with the values: a one-way relation's foreign key in the child's
     * table, typed like the parent's id.
     *
     * @param typedLike the property whose codec carries the values (the parent's id)
     * @param quotedColumn the column written
     * @param index where each row's values hold it (after the entity's own values)
     */
    static BulkColumn extra(PropertyModel typedLike, String quotedColumn, int index) {
        return new BulkColumn(typedLike, typedLike.codec().bulkForm(), quotedColumn, index);
    }

    /** The column written, quoted. */
    String quotedColumn() {
        return quotedColumn;
    }

    /** Where each row's values hold this column's value. */
    int index() {
        return index;
    }

    PropertyModel property() {
        return property;
    }

    /** Whether the codec says how its values travel in bulk; when not, the caller writes row by row. */
    boolean supported() {
        return supported;
    }

    /** The element type name for {@code Connection.createArrayOf}. */
    String elementType() {
        return form.elementType();
    }

    /** Whether values travel as the codec's text form. */
    boolean text() {
        return form.isText();
    }

    /** The SQL type text values are cast to, or {@code null} when they are stored as text or typed by the driver. */
    @Nullable
    String cast() {
        return form.cast();
    }

    /** A new Java array of the element type. */
    Object[] newArray(int size) {
        return form.newArray(size);
    }

    /**
     * Encodes one value as its array element, with the message a single bind would give when the codec refuses it.
     *
     * @throws InvalidDataAccessApiUsageException when the codec refuses the value
     */
    @Nullable
    Object encode(@Nullable Object value) {
        try {
            return form.encode(value);
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw Rows.bindFailure(property, ex);
        }
    }

    /** The placeholder of the column's array parameter, e.g. {@code ?::int8[]}. */
    String placeholder() {
        return "?::" + form.elementType() + "[]";
    }

    /**
     * The placeholder of the column's values as one array of the column's type, e.g. {@code ?::int8[]} or {@code
     * ?::text[]::uuid[]}, for {@code = ANY(...)}.
     */
    String arrayPlaceholder() {
        return form.arrayPlaceholder();
    }

    /**
     * The expression that turns the unnested element {@code alias} into the column's type.
     *
     * @param alias the qualified element alias, e.g. {@code u.b3}
     * @return e.g. {@code u.b3} or {@code u.b3::jsonb}
     */
    String expression(String alias) {
        String cast = form.cast();
        return cast == null ? alias : alias + "::" + cast;
    }
}
