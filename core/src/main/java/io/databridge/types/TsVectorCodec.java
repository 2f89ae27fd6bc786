package io.databridge.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/**
 * {@link TsVector} as {@code tsvector}: bound as its text form with an unspecified type, which PostgreSQL parses as a
 * {@code tsvector} literal; read as the text PostgreSQL prints. Stateless enum singleton, so thread-safe.
 */
enum TsVectorCodec implements TypeCodec<TsVector> {
    INSTANCE;

    private static final BulkForm<TsVector> BULK = BulkForm.text("tsvector", TsVector::value);

    @Override
    public String sqlType() {
        return "tsvector";
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable TsVector value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
            return;
        }
        ScalarCodecs.checkText(value.value());
        statement.setObject(index, value.value(), Types.OTHER);
    }

    @Override
    public @Nullable TsVector read(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : new TsVector(text);
    }

    @Override
    public BulkForm<TsVector> bulkForm() {
        return BULK;
    }
}
