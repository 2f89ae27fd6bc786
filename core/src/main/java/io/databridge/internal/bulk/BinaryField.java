package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.Rows;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How one column's values are written by a binary COPY, chosen from the column's codec and the type the table really
 * has, so that the binary form stores exactly what the text form (and a single bind) stores:
 *
 * <ul>
 *   <li>values the driver takes as they are (numbers, booleans, text) go in the binary form of their own type; an
 *       integer may widen ({@code int4} into {@code bigint}), nothing else converts;
 *   <li>values that travel as text (any codec's, user codecs too) go as their text into a column whose binary input
 *       is its text input: {@code text}, {@code varchar}, {@code char}, {@code json}, {@code jsonb} (after its version
 *       byte) and enum types;
 *   <li>the built-in codecs of {@code Instant}, {@code OffsetDateTime}, {@code LocalDateTime}, {@code LocalDate},
 *       {@code BigDecimal}, {@code BigInteger}, {@code UUID} and {@code byte[]} go in the binary form of exactly their
 *       SQL type, rounded to microseconds half up and mapping the {@code MIN}/{@code MAX} dates to infinity as the
 *       driver does when it binds one value.
 * </ul>
 *
 * Any other column (a user codec into a typed column, a domain, an array, an interval) has no binary field and the
 * COPY stays in text. Immutable, so thread-safe.
 */
final class BinaryField {

    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix seconds and days. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;

    private static final long PG_EPOCH_DAYS = 10_957L;

    private static final String BUILT_IN_CODECS = "io.databridge.types";

    private static final int[] POWERS = {1, 10, 100, 1000};

    private enum Kind {
        INT2,
        INT4,
        INT8,
        FLOAT4,
        FLOAT8,
        BOOL,
        TEXT,
        JSONB,
        TIMESTAMPTZ,
        TIMESTAMP,
        DATE,
        NUMERIC,
        UUID,
        BYTEA
    }

    private final BulkColumn column;
    private final Kind kind;

    /** Whether the value is first encoded by the codec's bulk form (else written from the Java value). */
    private final boolean encoded;

    private BinaryField(BulkColumn column, Kind kind, boolean encoded) {
        this.column = column;
        this.kind = kind;
        this.encoded = encoded;
    }

    /**
     * The binary field of a column, or {@code null} when its values must travel as text.
     *
     * @param column the column and its codec's bulk form
     * @param typeName the column's type in the table: a {@code pg_catalog} base type's {@code typname}, {@code enum}
     *     for any enum type, or anything else for the types that never travel in binary
     */
    static @Nullable BinaryField of(BulkColumn column, String typeName) {
        if (!column.supported()) {
            return null;
        }
        boolean textual = typeName.equals("enum")
                || typeName.equals("text")
                || typeName.equals("varchar")
                || typeName.equals("bpchar");
        boolean json = typeName.equals("json") || typeName.equals("jsonb");
        Kind text = typeName.equals("jsonb") ? Kind.JSONB : Kind.TEXT;
        if (column.text()) {
            if (textual || json) {
                return new BinaryField(column, text, true);
            }
            String cast = column.cast();
            boolean builtIn =
                    column.property().codec().getClass().getPackageName().equals(BUILT_IN_CODECS);
            if (!builtIn || !typeName.equals(cast)) {
                return null;
            }
            Kind kind = switch (typeName) {
                case "timestamptz" -> Kind.TIMESTAMPTZ;
                case "timestamp" -> Kind.TIMESTAMP;
                case "date" -> Kind.DATE;
                case "numeric" -> Kind.NUMERIC;
                case "uuid" -> Kind.UUID;
                case "bytea" -> Kind.BYTEA;
                default -> null;
            };
            return kind == null ? null : new BinaryField(column, kind, false);
        }
        String element = column.elementType();
        Kind kind = switch (element) {
            case "int2" -> integer(typeName, 2);
            case "int4" -> integer(typeName, 4);
            case "int8" -> integer(typeName, 8);
            case "float4" -> typeName.equals("float4") ? Kind.FLOAT4 : null;
            case "float8" -> typeName.equals("float8") ? Kind.FLOAT8 : null;
            case "bool" -> typeName.equals("bool") ? Kind.BOOL : null;
            case "text", "varchar" -> textual || json ? text : null;
            default -> null;
        };
        return kind == null ? null : new BinaryField(column, kind, true);
    }

    /** The integer column a value of {@code bytes} bytes may go into: the same size or wider. */
    private static @Nullable Kind integer(String typeName, int bytes) {
        return switch (typeName) {
            case "int8" -> Kind.INT8;
            case "int4" -> bytes <= 4 ? Kind.INT4 : null;
            case "int2" -> bytes == 2 ? Kind.INT2 : null;
            default -> null;
        };
    }

    /** Where each row's values hold this column's value. */
    int index() {
        return column.index();
    }

    /**
     * Writes one value as the property holds it (an id, a computed value, a value of the entity).
     *
     * @throws org.springframework.dao.InvalidDataAccessApiUsageException when the codec or the binary form refuses
     *     it
     */
    void write(CopyBinaryBuffer out, @Nullable Object value) throws SQLException {
        if (value == null) {
            out.nul();
            return;
        }
        Object element = encoded ? column.encode(value) : value;
        writeEncoded(out, element);
    }

    /** Writes a value as the codec's bulk form gives it, or the Java value for the built-in typed codecs. */
    private void writeEncoded(CopyBinaryBuffer out, @Nullable Object element) throws SQLException {
        if (element == null) {
            out.nul();
            return;
        }
        try {
            switch (kind) {
                case INT2 -> out.int2(((Number) element).shortValue());
                case INT4 -> out.int4(((Number) element).intValue());
                case INT8 -> out.int8(((Number) element).longValue());
                case FLOAT4 -> out.int4(Float.floatToIntBits((Float) element));
                case FLOAT8 -> out.int8(Double.doubleToLongBits((Double) element));
                case BOOL -> out.bool((Boolean) element);
                case TEXT -> out.text((String) element, -1);
                case JSONB -> out.text((String) element, 1);
                case TIMESTAMPTZ -> out.int8(timestamptz(element));
                case TIMESTAMP -> out.int8(timestamp((LocalDateTime) element));
                case DATE -> out.int4(date((LocalDate) element));
                case NUMERIC -> numeric(out, element);
                case UUID -> {
                    UUID uuid = (UUID) element;
                    out.uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
                }
                case BYTEA -> out.bytes((byte[]) element);
            }
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw Rows.bindFailure(column.property(), ex);
        }
    }

    private static long timestamptz(Object value) {
        if (value instanceof OffsetDateTime time) {
            if (time.equals(OffsetDateTime.MAX)) {
                return Long.MAX_VALUE;
            }
            if (time.equals(OffsetDateTime.MIN)) {
                return Long.MIN_VALUE;
            }
            return micros(time.toEpochSecond(), time.getNano());
        }
        Instant instant = (Instant) value;
        return micros(instant.getEpochSecond(), instant.getNano());
    }

    private static long timestamp(LocalDateTime time) {
        if (time.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (time.equals(LocalDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        return micros(time.toEpochSecond(ZoneOffset.UTC), time.getNano());
    }

    /** Microseconds since PostgreSQL's epoch, nanoseconds rounded half up as the driver rounds them. */
    private static long micros(long epochSecond, int nanos) {
        try {
            return Math.addExact(Math.multiplyExact(epochSecond - PG_EPOCH_SECONDS, 1_000_000L), (nanos + 500) / 1000);
        } catch (ArithmeticException ex) {
            throw new IllegalArgumentException("the timestamp is out of PostgreSQL's range", ex);
        }
    }

    private static int date(LocalDate date) {
        if (date.equals(LocalDate.MAX)) {
            return Integer.MAX_VALUE;
        }
        if (date.equals(LocalDate.MIN)) {
            return Integer.MIN_VALUE;
        }
        long days = date.toEpochDay() - PG_EPOCH_DAYS;
        if (days <= Integer.MIN_VALUE || days >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the date is out of PostgreSQL's range");
        }
        return (int) days;
    }

    /**
     * A {@code numeric}: the unscaled digits regrouped in base 10,000 around the decimal point, the weight of the
     * first group, the sign and the display scale (the value's scale; a negative one becomes 0, as the text form
     * {@code 1E+3} is stored with scale 0).
     */
    private static void numeric(CopyBinaryBuffer out, Object value) throws SQLException {
        BigDecimal number = value instanceof BigInteger integer ? new BigDecimal(integer) : (BigDecimal) value;
        if (number.scale() < 0) {
            number = number.setScale(0);
        }
        int scale = number.scale();
        if (scale > 0x3FFF) {
            throw new IllegalArgumentException("the scale exceeds PostgreSQL's numeric display scale of 16383");
        }
        if (number.signum() == 0) {
            out.numeric(new short[0], 0, 0, 0, scale);
            return;
        }
        if (number.precision() <= 15) {
            smallNumeric(out, number, scale);
            return;
        }
        String digits = number.unscaledValue().abs().toString();
        int integerDigits = digits.length() - scale;
        int weight = Math.floorDiv(integerDigits - 1, 4);
        int lowest = Math.floorDiv(-scale, 4);
        if (weight > Short.MAX_VALUE || lowest < Short.MIN_VALUE) {
            throw new IllegalArgumentException("the value exceeds PostgreSQL's numeric range");
        }
        short[] groups = new short[weight - lowest + 1];
        for (int i = 0; i < digits.length(); i++) {
            int power = integerDigits - 1 - i;
            int group = weight - Math.floorDiv(power, 4);
            groups[group] += (short) ((digits.charAt(i) - '0') * POWERS[Math.floorMod(power, 4)]);
        }
        int count = groups.length;
        while (count > 0 && groups[count - 1] == 0) {
            count--;
        }
        out.numeric(groups, count, weight, number.signum() < 0 ? 0x4000 : 0, scale);
    }

    /**
     * A {@code numeric} of at most 15 digits (money, quantities), from its unscaled {@code long} without a {@code
     * BigInteger} or a {@code String}: the unscaled value padded so that its last digit ends a base-10,000 group,
     * then cut into groups from the lowest.
     */
    private static void smallNumeric(CopyBinaryBuffer out, BigDecimal number, int scale) throws SQLException {
        long unscaled = Math.abs(number.scaleByPowerOfTen(scale).longValue());
        int pad = Math.floorMod(-scale, 4);
        for (int i = 0; i < pad; i++) {
            unscaled *= 10;
        }
        short[] groups = new short[6];
        int count = 0;
        int lowest = -(scale + pad) / 4;
        while (unscaled != 0) {
            groups[count++] = (short) (unscaled % 10_000);
            unscaled /= 10_000;
        }
        // groups[0] is the lowest group (weight `lowest`); PostgreSQL wants the highest first, no trailing zeros.
        int trailing = 0;
        while (groups[trailing] == 0) {
            trailing++;
        }
        int weight = lowest + count - 1;
        int digits = count - trailing;
        short[] ordered = new short[digits];
        for (int i = 0; i < digits; i++) {
            ordered[i] = groups[count - 1 - i];
        }
        out.numeric(ordered, digits, weight, number.signum() < 0 ? 0x4000 : 0, scale);
    }
}
