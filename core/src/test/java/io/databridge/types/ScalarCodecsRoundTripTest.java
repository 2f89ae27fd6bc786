package io.databridge.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.testdb.PostgresTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@PostgresTest
class ScalarCodecsRoundTripTest {

    private final RoundTrip roundTrip;

    ScalarCodecsRoundTripTest(DataSource dataSource) {
        this.roundTrip = new RoundTrip(dataSource);
    }

    static Stream<Class<?>> nullableTypes() {
        return Stream.of(
                Boolean.class,
                Byte.class,
                Short.class,
                Integer.class,
                Long.class,
                Float.class,
                Double.class,
                Character.class,
                String.class,
                BigDecimal.class,
                BigInteger.class,
                UUID.class,
                byte[].class);
    }

    @ParameterizedTest
    @MethodSource("nullableTypes")
    void nullRoundTripsAsSqlNull(Class<?> type) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(type), null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(classes = {boolean.class, byte.class, short.class, int.class, long.class, float.class, double.class})
    void primitiveCodecsReadSqlNullAsNull(Class<?> primitive) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(primitive), null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void booleansRoundTrip(boolean value) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(Boolean.class), value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(bytes = {Byte.MIN_VALUE, -1, 0, 1, Byte.MAX_VALUE})
    void bytesRoundTripAsSmallint(byte value) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(Byte.class), value)).isEqualTo(value);
    }

    @Test
    void aSmallintOutsideTheByteRangeIsRejectedOnRead() throws SQLException {
        String table = roundTrip.create(RoundTrip.codec(Short.class));
        roundTrip.insert(table, RoundTrip.codec(Short.class), (short) 128);

        assertThatThrownBy(() -> roundTrip.read(table, RoundTrip.codec(Byte.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stored value does not fit in a byte (-128 to 127); use short");
    }

    @ParameterizedTest
    @ValueSource(shorts = {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE})
    void shortsRoundTrip(short value) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(Short.class), value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE})
    void integersRoundTrip(int value) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(Integer.class), value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE})
    void longsRoundTrip(long value) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(Long.class), value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(
            floats = {
                Float.NaN,
                Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY,
                Float.MIN_VALUE,
                Float.MAX_VALUE,
                -Float.MAX_VALUE,
                0.1f,
                -0.0f,
                0.0f
            })
    void floatsRoundTripIncludingNanInfinitiesAndExtremes(float value) throws SQLException {
        // Float.equals: NaN equals NaN, and -0.0 differs from 0.0.
        assertThat((Object) roundTrip.store(RoundTrip.codec(Float.class), value))
                .isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(
            doubles = {
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                -Double.MAX_VALUE,
                0.1,
                -0.0,
                0.0
            })
    void doublesRoundTripIncludingNanInfinitiesAndExtremes(double value) throws SQLException {
        // Double.equals: NaN equals NaN, and -0.0 differs from 0.0.
        assertThat((Object) roundTrip.store(RoundTrip.codec(Double.class), value))
                .isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(chars = {'a', ' ', 'é', '中', '\'', '\\'})
    void charactersRoundTrip(char value) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(Character.class), value)).isEqualTo(value);
    }

    @Test
    void aLoneSurrogateCharacterIsRejectedOnBind() throws SQLException {
        String table = roundTrip.create(RoundTrip.codec(Character.class));

        assertThatThrownBy(() -> roundTrip.insert(table, RoundTrip.codec(Character.class), '\uD83D'))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a lone UTF-16 surrogate cannot be stored in PostgreSQL text; use String for characters"
                        + " outside the Basic Multilingual Plane");
    }

    @Test
    void storedTextLongerThanOneCharacterIsRejectedWhenReadAsCharacter() throws SQLException {
        String table = roundTrip.create(RoundTrip.codec(String.class));
        roundTrip.insert(table, RoundTrip.codec(String.class), "ab");

        assertThatThrownBy(() -> roundTrip.read(table, RoundTrip.codec(Character.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stored text is not exactly one UTF-16 character, so it does not fit in a char; use"
                        + " String");
    }

    static Stream<String> texts() {
        return Stream.of(
                "",
                " ",
                "plain",
                "emoji 😀👩‍👩‍👧 and flags 🇫🇷",
                "CJK 漢字かなカナ한국어",
                "combining e\u0301 a\u0308 and zalgo Z\u0351\u0310",
                "right-to-left עברית العربية",
                "x".repeat(100_000));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void unicodeTextRoundTrips(String value) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(String.class), value)).isEqualTo(value);
    }

    static Stream<String> hostileTexts() {
        return Stream.of(
                "'",
                "''",
                "O'Brien",
                "'; drop table users; --",
                "-- comment",
                "/* comment */",
                ";",
                "$$",
                "$tag$ body $tag$",
                "\\",
                "\\x00",
                "E'\\n'",
                "?",
                "\"quoted\"",
                "line\nbreak\r\ttab");
    }

    @ParameterizedTest
    @MethodSource("hostileTexts")
    void hostileTextIsStoredAsData(String value) throws SQLException {
        TypeCodec<String> codec = RoundTrip.codec(String.class);
        String table = roundTrip.create(codec);
        roundTrip.insert(table, codec, value);

        assertThat(roundTrip.read(table, codec)).isEqualTo(value);
        assertThat(roundTrip.countEqual(table, codec, value)).isEqualTo(1);
    }

    @Test
    void textContainingNulIsRejectedOnBind() throws SQLException {
        TypeCodec<String> codec = RoundTrip.codec(String.class);
        String table = roundTrip.create(codec);

        assertThatThrownBy(() -> roundTrip.insert(table, codec, "before\u0000after"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PostgreSQL text cannot contain the NUL character (\\u0000); remove it, or store the value"
                        + " as byte[] (bytea)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.10",
                "0E-10",
                "0",
                "-0.000001",
                "123456789012345678901234567890.123456789012345678901234567890",
                "-99999999999999999999999999999999999999"
            })
    void decimalsRoundTripKeepingTheirScale(String text) throws SQLException {
        BigDecimal value = new BigDecimal(text);

        BigDecimal read = roundTrip.store(RoundTrip.codec(BigDecimal.class), value);

        assertThat(read).isEqualTo(value).hasScaleOf(value.scale());
    }

    @Test
    void aDecimalWithNegativeScaleComesBackEqualInValueWithScaleZero() throws SQLException {
        BigDecimal read = roundTrip.store(RoundTrip.codec(BigDecimal.class), new BigDecimal("1E+20"));

        assertThat(read).isEqualTo(new BigDecimal("100000000000000000000")).hasScaleOf(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "9223372036854775808", "-123456789012345678901234567890123456789012345678901"})
    void bigIntegersRoundTrip(String text) throws SQLException {
        BigInteger value = new BigInteger(text);

        assertThat(roundTrip.store(RoundTrip.codec(BigInteger.class), value)).isEqualTo(value);
    }

    @Test
    void aNumericWithAFractionIsRejectedWhenReadAsBigInteger() throws SQLException {
        String table = roundTrip.create(RoundTrip.codec(BigDecimal.class));
        roundTrip.insert(table, RoundTrip.codec(BigDecimal.class), new BigDecimal("1.5"));

        assertThatThrownBy(() -> roundTrip.read(table, RoundTrip.codec(BigInteger.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stored numeric has a fractional part, which BigInteger cannot hold; use BigDecimal");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00000000-0000-0000-0000-000000000000",
                "ffffffff-ffff-ffff-ffff-ffffffffffff",
                "123e4567-e89b-12d3-a456-426614174000"
            })
    void uuidsRoundTrip(String text) throws SQLException {
        UUID value = UUID.fromString(text);

        assertThat(roundTrip.store(RoundTrip.codec(UUID.class), value)).isEqualTo(value);
    }

    @Test
    void anEmptyByteArrayRoundTripsAsEmptyNotNull() throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(byte[].class), new byte[0]))
                .isNotNull()
                .isEmpty();
    }

    @Test
    void everyByteValueRoundTrips() throws SQLException {
        byte[] value = new byte[256];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }

        assertThat(roundTrip.store(RoundTrip.codec(byte[].class), value)).containsExactly(value);
    }

    @Test
    void sqlTypesAreTheColumnTypesForDdl() {
        assertThat(Stream.of(
                                boolean.class,
                                byte.class,
                                short.class,
                                int.class,
                                long.class,
                                float.class,
                                double.class,
                                char.class,
                                String.class,
                                BigDecimal.class,
                                BigInteger.class,
                                UUID.class,
                                byte[].class)
                        .map(type -> RoundTrip.codec(type).sqlType()))
                .containsExactly(
                        "boolean",
                        "smallint",
                        "smallint",
                        "integer",
                        "bigint",
                        "real",
                        "double precision",
                        "text",
                        "text",
                        "numeric",
                        "numeric",
                        "uuid",
                        "bytea");
    }
}
