package io.databridge.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built-in enum codecs: by name in {@code text}, by ordinal in {@code integer}, or by name in a PostgreSQL enum
 * type. Each is immutable after construction (the constants are looked up once, so reading needs no {@code valueOf}),
 * hence thread-safe. A stored value that is not a constant is rejected without quoting it, since values must not reach
 * messages or logs.
 */
final class EnumCodecs {

    private EnumCodecs() {}

    /**
     * Looks up constants by name.
     *
     * @param <E> the enum
     */
    static final class Constants<E extends Enum<E>> {
        private final Class<E> type;
        private final E[] values;
        private final Map<String, E> byName;

        Constants(Class<E> type) {
            this.type = type;
            this.values = type.getEnumConstants();
            this.byName = new HashMap<>(values.length * 2);
            for (E constant : values) {
                byName.put(EnumLabels.label(constant), constant);
            }
        }

        E byName(String name) {
            E constant = byName.get(name);
            if (constant == null) {
                throw notAConstant();
            }
            return constant;
        }

        E byOrdinal(int ordinal) {
            if (ordinal < 0 || ordinal >= values.length) {
                throw notAConstant();
            }
            return values[ordinal];
        }

        private IllegalArgumentException notAConstant() {
            return new IllegalArgumentException("the stored value is not a constant of " + type.getName()
                    + "; was a constant renamed or removed? Update the stored rows, or restore the constant");
        }
    }

    /** Creates the codec for an enum stored by name in {@code text}. */
    static <E extends Enum<E>> TypeCodec<E> byName(Class<E> type) {
        return new NameCodec<>(new Constants<>(type), "text", Types.VARCHAR);
    }

    /** Creates the codec for an enum stored by ordinal in {@code integer}. */
    static <E extends Enum<E>> TypeCodec<E> byOrdinal(Class<E> type) {
        return new OrdinalCodec<>(new Constants<>(type));
    }

    /**
     * Creates the codec for an enum stored by name in a PostgreSQL enum type; the type name is used as given (it is
     * the codec's {@code sqlType}).
     */
    static <E extends Enum<E>> TypeCodec<E> byPostgresEnum(Class<E> type, String enumTypeName) {
        return new NameCodec<>(new Constants<>(type), enumTypeName, Types.OTHER);
    }

    private static final class NameCodec<E extends Enum<E>> implements TypeCodec<E> {
        private final Constants<E> constants;
        private final String sqlType;
        private final int jdbcType;
        private final BulkForm<E> bulkForm;

        NameCodec(Constants<E> constants, String sqlType, int jdbcType) {
            this.constants = constants;
            this.sqlType = sqlType;
            this.jdbcType = jdbcType;
            this.bulkForm = BulkForm.text(sqlType, EnumLabels::label);
        }

        @Override
        public BulkForm<E> bulkForm() {
            return bulkForm;
        }

        @Override
        public String sqlType() {
            return sqlType;
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable E value) throws SQLException {
            if (value == null) {
                statement.setNull(index, jdbcType);
            } else {
                // Types.OTHER sends the name untyped, so PostgreSQL casts it to the column's enum type.
                statement.setObject(index, EnumLabels.label(value), jdbcType);
            }
        }

        @Override
        public @Nullable E read(ResultSet rows, int index) throws SQLException {
            String name = rows.getString(index);
            return name == null ? null : constants.byName(name);
        }
    }

    private static final class OrdinalCodec<E extends Enum<E>> implements TypeCodec<E> {
        private static final BulkForm<Enum<?>> BULK = BulkForm.element("int4", Integer[]::new, Enum::ordinal);

        private final Constants<E> constants;

        @Override
        @SuppressWarnings("unchecked")
        public BulkForm<E> bulkForm() {
            return (BulkForm<E>) (BulkForm<?>) BULK;
        }

        OrdinalCodec(Constants<E> constants) {
            this.constants = constants;
        }

        @Override
        public String sqlType() {
            return "integer";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable E value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.INTEGER);
            } else {
                statement.setInt(index, value.ordinal());
            }
        }

        @Override
        public @Nullable E read(ResultSet rows, int index) throws SQLException {
            int ordinal = rows.getInt(index);
            return rows.wasNull() ? null : constants.byOrdinal(ordinal);
        }
    }
}
