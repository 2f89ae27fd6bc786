package io.databridge.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.testdb.PostgresTest;
import java.lang.reflect.Type;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

@PostgresTest
class JsonCodecRoundTripTest {

    record Address(String street, int number) {}

    // Fields whose generic types the tests read, as the entity model will.
    Map<String, Object> attributes;
    List<Address> addresses;

    private final RoundTrip roundTrip;

    JsonCodecRoundTripTest(DataSource dataSource) {
        this.roundTrip = new RoundTrip(dataSource);
    }

    static ValueType json(String field) {
        try {
            java.lang.reflect.Field declared = JsonCodecRoundTripTest.class.getDeclaredField(field);
            Type type = declared.getGenericType();
            return new ValueType(declared.getType(), type, true, null, null);
        } catch (NoSuchFieldException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static ValueType json(Class<?> type) {
        return new ValueType(type, type, true, null, null);
    }

    @Test
    void aMapRoundTripsAsJsonb() throws SQLException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "it's \"quoted\" $$ -- ;");
        value.put("count", 3);
        value.put("nested", Map.of("list", List.of(1, 2)));
        value.put("nothing", null);
        TypeCodec<Map<String, Object>> codec = RoundTrip.codec(json("attributes"));

        assertThat(codec.sqlType()).isEqualTo("jsonb");
        assertThat(roundTrip.store(codec, value)).isEqualTo(value);
    }

    @Test
    void aRecordRoundTripsAsJsonb() throws SQLException {
        Address value = new Address("Main St 😀", 12);

        assertThat(roundTrip.store(RoundTrip.codec(json(Address.class)), value)).isEqualTo(value);
    }

    @Test
    void aListOfRecordsKeepsItsElementTypeFromTheGenericType() throws SQLException {
        List<Address> value = List.of(new Address("a", 1), new Address("b", 2));

        List<Address> read = roundTrip.store(RoundTrip.codec(json("addresses")), value);

        assertThat(read)
                .isEqualTo(value)
                .allSatisfy(address -> assertThat(address).isInstanceOf(Address.class));
    }

    @Test
    void nullRoundTripsAsSqlNullNotJsonNull() throws SQLException {
        TypeCodec<Address> codec = RoundTrip.codec(json(Address.class));
        String table = roundTrip.create(codec);
        roundTrip.insert(table, codec, null);
        roundTrip.execute("create table json_null as select id, (v is null)::text as v from " + table);

        assertThat(roundTrip.read("json_null", RoundTrip.codec(String.class))).isEqualTo("true");
    }

    @Test
    void storedJsonThatDoesNotMatchTheTypeIsRejectedWithoutQuotingIt() throws SQLException {
        roundTrip.execute("create table wrong_json (id integer primary key, v jsonb)");
        roundTrip.execute(
                "insert into wrong_json values (1, '{\"street\": \"secret\", \"number\": \"not-a-number\"}')");

        assertThatThrownBy(() -> roundTrip.read("wrong_json", RoundTrip.codec(json(Address.class))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the stored JSON cannot be read as " + Address.class.getName() + " (Jackson ")
                .hasMessageEndingWith("); make the class match the stored JSON, or fix the stored rows")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("not-a-number")
                .hasNoCause();
    }

    record Secretive(String name) {
        @Override
        public String name() {
            throw new IllegalStateException("secret");
        }
    }

    record Person(String firstName) {}

    @Test
    void aValueJacksonCannotWriteIsRejectedWithoutQuotingIt() throws SQLException {
        TypeCodec<Secretive> codec = RoundTrip.codec(json(Secretive.class));
        String table = roundTrip.create(codec);

        assertThatThrownBy(() -> roundTrip.insert(table, codec, new Secretive("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "the value cannot be written as JSON for " + Secretive.class.getName() + " (Jackson ")
                .hasMessageEndingWith("); check the class's Jackson annotations and accessors")
                .hasMessageNotContaining("secret")
                .hasNoCause();
    }

    @Test
    void aConfiguredMapperIsUsed() throws SQLException {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
        TypeCodecs codecs = TypeCodecs.builder()
                .jsonCodecFactory(JacksonJsonCodecFactory.using(mapper))
                .build();
        @SuppressWarnings("unchecked")
        TypeCodec<Person> codec = (TypeCodec<Person>) codecs.resolve(json(Person.class));
        String table = roundTrip.create(codec);
        roundTrip.insert(table, codec, new Person("Ada"));
        roundTrip.execute("create table json_keys as select id, v ->> 'first_name' as v from " + table);

        assertThat(roundTrip.read("json_keys", RoundTrip.codec(String.class))).isEqualTo("Ada");
        assertThat(roundTrip.read(table, codec)).isEqualTo(new Person("Ada"));
    }

    @Test
    void jsonArraysWithNullsRoundTrip() throws SQLException {
        List<Object> value = Arrays.asList(1, null, "two");

        assertThat(roundTrip.store(RoundTrip.codec(json(List.class)), value)).isEqualTo(value);
    }
}
