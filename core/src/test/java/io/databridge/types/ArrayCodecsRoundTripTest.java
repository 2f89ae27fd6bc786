package io.databridge.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.testdb.PostgresTest;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@PostgresTest
class ArrayCodecsRoundTripTest {

    enum Color {
        RED,
        GREEN
    }

    // Fields whose generic types the tests read, as the entity model will.
    List<String> strings;
    List<Short> shorts;
    List<Integer> integers;
    List<Long> longs;
    List<Float> floats;
    List<Double> doubles;
    List<Boolean> booleans;
    List<BigDecimal> decimals;
    List<UUID> uuids;
    List<Color> colors;

    private final RoundTrip roundTrip;

    ArrayCodecsRoundTripTest(DataSource dataSource) {
        this.roundTrip = new RoundTrip(dataSource);
    }

    static ValueType listOf(String field) {
        try {
            Type type = ArrayCodecsRoundTripTest.class.getDeclaredField(field).getGenericType();
            return new ValueType(List.class, type, false, null, null);
        } catch (NoSuchFieldException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Stream<Arguments> lists() {
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        return Stream.of(
                Arguments.of(
                        "strings", "text[]", Arrays.asList("a", null, "", "it's \"quoted\" {braces}, commas", "😀")),
                Arguments.of("shorts", "smallint[]", Arrays.asList(Short.MIN_VALUE, null, Short.MAX_VALUE)),
                Arguments.of("integers", "integer[]", Arrays.asList(Integer.MIN_VALUE, null, 0, Integer.MAX_VALUE)),
                Arguments.of("longs", "bigint[]", Arrays.asList(Long.MIN_VALUE, null, Long.MAX_VALUE)),
                Arguments.of("floats", "real[]", Arrays.asList(Float.NaN, null, Float.NEGATIVE_INFINITY, 0.1f)),
                Arguments.of("doubles", "double precision[]", Arrays.asList(Double.MAX_VALUE, null, Double.NaN, 0.1)),
                Arguments.of("booleans", "boolean[]", Arrays.asList(true, null, false)),
                Arguments.of(
                        "decimals", "numeric[]", Arrays.asList(new BigDecimal("1.10"), null, new BigDecimal("0E-10"))),
                Arguments.of("uuids", "uuid[]", Arrays.asList(uuid, null)),
                Arguments.of("colors", "text[]", Arrays.asList(Color.GREEN, null, Color.RED)));
    }

    @ParameterizedTest(name = "List<{0}>")
    @MethodSource("lists")
    void listsRoundTripWithNullElements(String field, String sqlType, List<Object> value) throws SQLException {
        TypeCodec<List<Object>> codec = RoundTrip.codec(listOf(field));

        assertThat(codec.sqlType()).isEqualTo(sqlType);
        assertThat(roundTrip.store(codec, value)).isEqualTo(value);
    }

    @ParameterizedTest(name = "List<{0}>")
    @MethodSource("lists")
    void emptyListsRoundTripAsEmpty(String field) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(listOf(field)), List.of()))
                .isNotNull()
                .isEmpty();
    }

    @ParameterizedTest(name = "List<{0}>")
    @MethodSource("lists")
    void aNullListRoundTripsAsSqlNull(String field) throws SQLException {
        Object read = roundTrip.store(RoundTrip.codec(listOf(field)), null);

        assertThat(read).isNull();
    }

    @Test
    void listsReadBackUnmodifiable() throws SQLException {
        List<String> read = roundTrip.store(RoundTrip.codec(listOf("strings")), new ArrayList<>(List.of("a")));

        assertThat(read).isNotNull();
        assertThatThrownBy(() -> read.add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aListElementContainingNulIsRejectedOnBind() throws SQLException {
        TypeCodec<List<String>> codec = RoundTrip.codec(listOf("strings"));
        String table = roundTrip.create(codec);

        assertThatThrownBy(() -> roundTrip.insert(table, codec, List.of("a\u0000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("PostgreSQL text cannot contain the NUL character");
    }

    @Test
    void objectArraysRoundTripWithNullElements() throws SQLException {
        String[] value = {"x", null, "y"};

        assertThat(roundTrip.store(RoundTrip.codec(String[].class), value)).containsExactly(value);
    }

    @Test
    void enumArraysReadBackAsArraysOfTheEnum() throws SQLException {
        Color[] value = {Color.RED, null};

        Color[] read = roundTrip.store(RoundTrip.codec(Color[].class), value);

        assertThat(read).isInstanceOf(Color[].class).containsExactly(value);
    }

    @Test
    void primitiveIntArraysRoundTrip() throws SQLException {
        int[] value = {Integer.MIN_VALUE, 0, Integer.MAX_VALUE};

        assertThat(roundTrip.store(RoundTrip.codec(int[].class), value)).containsExactly(value);
    }

    @Test
    void primitiveArraysOfEverySupportedTypeRoundTrip() throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(long[].class), new long[] {Long.MIN_VALUE, 1}))
                .containsExactly(Long.MIN_VALUE, 1);
        assertThat(roundTrip.store(RoundTrip.codec(short[].class), new short[] {Short.MIN_VALUE, 1}))
                .containsExactly(Short.MIN_VALUE, (short) 1);
        assertThat(roundTrip.store(RoundTrip.codec(double[].class), new double[] {Double.NaN, -0.0}))
                .containsExactly(Double.NaN, -0.0);
        assertThat(roundTrip.store(RoundTrip.codec(float[].class), new float[] {Float.MAX_VALUE, 0.5f}))
                .containsExactly(Float.MAX_VALUE, 0.5f);
        assertThat(roundTrip.store(RoundTrip.codec(boolean[].class), new boolean[] {true, false}))
                .containsExactly(true, false);
    }

    @Test
    void anEmptyPrimitiveArrayRoundTripsAsEmpty() throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(int[].class), new int[0]))
                .isNotNull()
                .isEmpty();
    }

    @Test
    void aStoredNullElementIsRejectedWhenReadIntoAPrimitiveArray() throws SQLException {
        TypeCodec<List<Integer>> lists = RoundTrip.codec(listOf("integers"));
        String table = roundTrip.create(lists);
        roundTrip.insert(table, lists, Arrays.asList(1, null));

        assertThatThrownBy(() -> roundTrip.read(table, RoundTrip.codec(int[].class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stored array contains NULL, which int[] cannot hold; use a List or an array of"
                        + " Integer instead");
    }

    @Test
    void aStoredMultiDimensionalArrayIsRejected() throws SQLException {
        roundTrip.execute("create table matrix (id integer primary key, v integer[])");
        roundTrip.execute("insert into matrix values (1, '{{1,2},{3,4}}')");

        assertThatThrownBy(() -> roundTrip.read("matrix", RoundTrip.codec(listOf("integers"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stored array is not a one-dimensional array of integer; check the column type, it"
                        + " should be integer[]");
    }

    @Test
    void hostileStringElementsAreStoredAsData() throws SQLException {
        List<String> value = List.of("'; drop table x; --", "$$", "\\", "{\"a\",}", "NULL", "null");

        assertThat(roundTrip.store(RoundTrip.codec(listOf("strings")), value)).isEqualTo(value);
    }
}
