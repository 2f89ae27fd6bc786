package io.databridge.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * A {@code jsonb} codec for one Java type through Jackson 3. Immutable, so thread-safe. Java {@code null} is SQL
 * {@code NULL}, not the JSON literal {@code null}.
 *
 * <p>A Jackson failure becomes an {@link IllegalArgumentException} naming the Java type and the kind of failure. The
 * Jackson exception is deliberately not attached as the cause: its message may quote the value.
 *
 * @param <T> the Java type
 */
final class JacksonJsonCodec<T> implements TypeCodec<T> {

    private final JavaType type;
    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final BulkForm<T> bulkForm = BulkForm.text("jsonb", this::json);

    JacksonJsonCodec(ObjectMapper mapper, JavaType type) {
        this.type = type;
        this.reader = mapper.readerFor(type);
        this.writer = mapper.writerFor(type);
    }

    @Override
    public String sqlType() {
        return "jsonb";
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable T value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
            return;
        }
        // Types.OTHER sends the text untyped, so PostgreSQL parses it as the column's jsonb.
        statement.setObject(index, json(value), Types.OTHER);
    }

    @Override
    public BulkForm<T> bulkForm() {
        return bulkForm;
    }

    private String json(T value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JacksonException ex) {
            throw writeFailure(ex);
        }
    }

    @Override
    public @Nullable T read(ResultSet rows, int index) throws SQLException {
        String json = rows.getString(index);
        if (json == null) {
            return null;
        }
        try {
            return reader.readValue(json);
        } catch (JacksonException ex) {
            throw readFailure(ex);
        }
    }

    private IllegalArgumentException writeFailure(JacksonException ex) {
        return new IllegalArgumentException("the value cannot be written as JSON for " + type.toCanonical()
                + " (Jackson " + ex.getClass().getSimpleName() + "); check the class's Jackson annotations and"
                + " accessors");
    }

    private IllegalArgumentException readFailure(JacksonException ex) {
        return new IllegalArgumentException("the stored JSON cannot be read as " + type.toCanonical() + " (Jackson "
                + ex.getClass().getSimpleName() + "); make the class match the stored JSON, or fix the stored rows");
    }
}
