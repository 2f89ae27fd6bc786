package io.databridge.types;

import io.databridge.internal.sql.TextValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The built-in codecs for booleans, numbers, text, {@link UUID} and {@code byte[]}. Each is a stateless enum singleton,
 * so thread-safe. Codecs for primitives and their wrappers are the same object: {@code read} returns {@code null} for
 * SQL {@code NULL} (checked with {@code wasNull()}), and the entity mapper decides whether a primitive may take it.
 */
final class ScalarCodecs {

    private ScalarCodecs() {}

    /**
     * Rejects text PostgreSQL cannot store unchanged.
     *
     * @param value the text
     * @throws IllegalArgumentException when it contains U+0000 or a lone UTF-16 surrogate
     */
    static void checkText(String value) {
        TextValues.check(value);
    }

    private static String checkedText(String value) {
        checkText(value);
        return value;
    }

    /** PostgreSQL's hex input form of {@code bytea}, e.g. {@code \\x0aff}. */
    static String hex(byte[] bytes) {
        char[] digits = "0123456789abcdef".toCharArray();
        StringBuilder text = new StringBuilder(2 + bytes.length * 2).append("\\x");
        for (byte b : bytes) {
            text.append(digits[(b >> 4) & 0xf]).append(digits[b & 0xf]);
        }
        return text.toString();
    }

    /** {@code boolean} / {@link Boolean} as {@code boolean}. */
    enum BooleanCodec implements TypeCodec<Boolean> {
        INSTANCE;

        private static final BulkForm<Boolean> BULK = BulkForm.element("bool", Boolean[]::new);

        @Override
        public BulkForm<Boolean> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "boolean";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Boolean value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.BOOLEAN);
            } else {
                statement.setBoolean(index, value);
            }
        }

        @Override
        public @Nullable Boolean read(ResultSet rows, int index) throws SQLException {
            boolean value = rows.getBoolean(index);
            return rows.wasNull() ? null : value;
        }
    }

    /**
     * {@code byte} / {@link Byte} as {@code smallint}, PostgreSQL having no one-byte integer; a stored value outside
     * -128..127 is rejected on read.
     */
    enum ByteCodec implements TypeCodec<Byte> {
        INSTANCE;

        private static final BulkForm<Byte> BULK = BulkForm.element("int2", Short[]::new, Byte::shortValue);

        @Override
        public BulkForm<Byte> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "smallint";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Byte value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.SMALLINT);
            } else {
                statement.setShort(index, value);
            }
        }

        @Override
        public @Nullable Byte read(ResultSet rows, int index) throws SQLException {
            short value = rows.getShort(index);
            if (rows.wasNull()) {
                return null;
            }
            if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("the stored value does not fit in a byte (-128 to 127); use short");
            }
            return (byte) value;
        }
    }

    /** {@code short} / {@link Short} as {@code smallint}. */
    enum ShortCodec implements TypeCodec<Short> {
        INSTANCE;

        private static final BulkForm<Short> BULK = BulkForm.element("int2", Short[]::new);

        @Override
        public BulkForm<Short> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "smallint";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Short value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.SMALLINT);
            } else {
                statement.setShort(index, value);
            }
        }

        @Override
        public @Nullable Short read(ResultSet rows, int index) throws SQLException {
            short value = rows.getShort(index);
            return rows.wasNull() ? null : value;
        }
    }

    /** {@code int} / {@link Integer} as {@code integer}. */
    enum IntegerCodec implements TypeCodec<Integer> {
        INSTANCE;

        private static final BulkForm<Integer> BULK = BulkForm.element("int4", Integer[]::new);

        @Override
        public BulkForm<Integer> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "integer";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Integer value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.INTEGER);
            } else {
                statement.setInt(index, value);
            }
        }

        @Override
        public @Nullable Integer read(ResultSet rows, int index) throws SQLException {
            int value = rows.getInt(index);
            return rows.wasNull() ? null : value;
        }
    }

    /** {@code long} / {@link Long} as {@code bigint}. */
    enum LongCodec implements TypeCodec<Long> {
        INSTANCE;

        private static final BulkForm<Long> BULK = BulkForm.element("int8", Long[]::new);

        @Override
        public BulkForm<Long> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "bigint";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.BIGINT);
            } else {
                statement.setLong(index, value);
            }
        }

        @Override
        public @Nullable Long read(ResultSet rows, int index) throws SQLException {
            long value = rows.getLong(index);
            return rows.wasNull() ? null : value;
        }
    }

    /** {@code float} / {@link Float} as {@code real}, including NaN and the infinities. */
    enum FloatCodec implements TypeCodec<Float> {
        INSTANCE;

        private static final BulkForm<Float> BULK = BulkForm.element("float4", Float[]::new);

        @Override
        public BulkForm<Float> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "real";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Float value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.REAL);
            } else {
                statement.setFloat(index, value);
            }
        }

        @Override
        public @Nullable Float read(ResultSet rows, int index) throws SQLException {
            float value = rows.getFloat(index);
            return rows.wasNull() ? null : value;
        }
    }

    /** {@code double} / {@link Double} as {@code double precision}, including NaN and the infinities. */
    enum DoubleCodec implements TypeCodec<Double> {
        INSTANCE;

        private static final BulkForm<Double> BULK = BulkForm.element("float8", Double[]::new);

        @Override
        public BulkForm<Double> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "double precision";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Double value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.DOUBLE);
            } else {
                statement.setDouble(index, value);
            }
        }

        @Override
        public @Nullable Double read(ResultSet rows, int index) throws SQLException {
            double value = rows.getDouble(index);
            return rows.wasNull() ? null : value;
        }
    }

    /**
     * {@code char} / {@link Character} as a one-character {@code text}. Surrogate halves and U+0000 are rejected on
     * bind (UTF-8 cannot encode a lone surrogate; PostgreSQL text cannot hold NUL); stored text that is not exactly one
     * {@code char} is rejected on read.
     */
    enum CharacterCodec implements TypeCodec<Character> {
        INSTANCE;

        private static final BulkForm<Character> BULK = BulkForm.element("text", String[]::new, CharacterCodec::text);

        @Override
        public BulkForm<Character> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "text";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Character value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.VARCHAR);
                return;
            }
            statement.setString(index, text(value));
        }

        private static String text(Character value) {
            char c = value;
            if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("a lone UTF-16 surrogate cannot be stored in PostgreSQL text;"
                        + " use String for characters outside the Basic Multilingual Plane");
            }
            return checkedText(String.valueOf(c));
        }

        @Override
        public @Nullable Character read(ResultSet rows, int index) throws SQLException {
            String value = rows.getString(index);
            if (value == null) {
                return null;
            }
            if (value.length() != 1) {
                throw new IllegalArgumentException(
                        "the stored text is not exactly one UTF-16 character, so it does not fit in a char; use"
                                + " String");
            }
            return value.charAt(0);
        }
    }

    /** {@link String} as {@code text}; a string containing U+0000 is rejected on bind. */
    enum StringCodec implements TypeCodec<String> {
        INSTANCE;

        private static final BulkForm<String> BULK = BulkForm.element("text", String[]::new, ScalarCodecs::checkedText);

        @Override
        public BulkForm<String> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "text";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable String value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.VARCHAR);
                return;
            }
            checkText(value);
            statement.setString(index, value);
        }

        @Override
        public @Nullable String read(ResultSet rows, int index) throws SQLException {
            return rows.getString(index);
        }
    }

    /**
     * {@link BigDecimal} as {@code numeric}, keeping the scale ({@code 1.10} stays {@code 1.10}). A negative scale
     * ({@code 1E+20}) reads back as scale 0, equal by {@code compareTo}: PostgreSQL's display scale is never negative.
     */
    enum BigDecimalCodec implements TypeCodec<BigDecimal> {
        INSTANCE;

        private static final BulkForm<BigDecimal> BULK = BulkForm.text("numeric", BigDecimal::toString);

        @Override
        public BulkForm<BigDecimal> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "numeric";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable BigDecimal value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.NUMERIC);
            } else {
                statement.setBigDecimal(index, value);
            }
        }

        @Override
        public @Nullable BigDecimal read(ResultSet rows, int index) throws SQLException {
            return rows.getBigDecimal(index);
        }
    }

    /** {@link BigInteger} as {@code numeric}; a stored value with a fractional part is rejected on read. */
    enum BigIntegerCodec implements TypeCodec<BigInteger> {
        INSTANCE;

        private static final BulkForm<BigInteger> BULK = BulkForm.text("numeric", BigInteger::toString);

        @Override
        public BulkForm<BigInteger> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "numeric";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable BigInteger value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.NUMERIC);
            } else {
                statement.setBigDecimal(index, new BigDecimal(value));
            }
        }

        @Override
        public @Nullable BigInteger read(ResultSet rows, int index) throws SQLException {
            BigDecimal value = rows.getBigDecimal(index);
            if (value == null) {
                return null;
            }
            try {
                return value.toBigIntegerExact();
            } catch (ArithmeticException ex) {
                throw new IllegalArgumentException(
                        "the stored numeric has a fractional part, which BigInteger cannot hold; use BigDecimal");
            }
        }
    }

    /** {@link UUID} as {@code uuid}. */
    enum UuidCodec implements TypeCodec<UUID> {
        INSTANCE;

        private static final BulkForm<UUID> BULK = BulkForm.text("uuid", UUID::toString);

        @Override
        public BulkForm<UUID> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "uuid";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable UUID value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.OTHER);
            } else {
                statement.setObject(index, value);
            }
        }

        @Override
        public @Nullable UUID read(ResultSet rows, int index) throws SQLException {
            return rows.getObject(index, UUID.class);
        }
    }

    /** {@code byte[]} as {@code bytea}; the array is passed to the driver as is, not copied. */
    enum ByteArrayCodec implements TypeCodec<byte[]> {
        INSTANCE;

        private static final BulkForm<byte[]> BULK = BulkForm.text("bytea", ScalarCodecs::hex);

        @Override
        public BulkForm<byte[]> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "bytea";
        }

        @Override
        public void bind(PreparedStatement statement, int index, byte @Nullable [] value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.BINARY);
            } else {
                statement.setBytes(index, value);
            }
        }

        @Override
        public byte @Nullable [] read(ResultSet rows, int index) throws SQLException {
            return rows.getBytes(index);
        }
    }
}
