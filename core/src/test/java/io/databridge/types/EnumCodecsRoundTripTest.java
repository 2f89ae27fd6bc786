package io.databridge.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.testdb.PostgresTest;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@PostgresTest
class EnumCodecsRoundTripTest {

    enum Mood {
        SAD,
        OK,
        HAPPY
    }

    private final RoundTrip roundTrip;

    EnumCodecsRoundTripTest(DataSource dataSource) {
        this.roundTrip = new RoundTrip(dataSource);
    }

    private static ValueType stored(EnumType storage) {
        return new ValueType(Mood.class, Mood.class, false, storage, storage == EnumType.POSTGRES ? "mood" : null);
    }

    @ParameterizedTest
    @EnumSource(Mood.class)
    void enumsRoundTripByNameAsTextByDefault(Mood value) throws SQLException {
        TypeCodec<Mood> codec = RoundTrip.codec(Mood.class);

        assertThat(codec.sqlType()).isEqualTo("text");
        assertThat(roundTrip.store(codec, value)).isEqualTo(value);
    }

    @Test
    void enumsAreStoredAsTheirName() throws SQLException {
        String table = roundTrip.create(RoundTrip.codec(Mood.class));
        roundTrip.insert(table, RoundTrip.codec(Mood.class), Mood.HAPPY);

        assertThat(roundTrip.read(table, RoundTrip.codec(String.class))).isEqualTo("HAPPY");
    }

    @ParameterizedTest
    @EnumSource(Mood.class)
    void enumsRoundTripByOrdinalAsInteger(Mood value) throws SQLException {
        TypeCodec<Mood> codec = RoundTrip.codec(stored(EnumType.ORDINAL));

        assertThat(codec.sqlType()).isEqualTo("integer");
        assertThat(roundTrip.store(codec, value)).isEqualTo(value);
    }

    @ParameterizedTest
    @EnumSource(Mood.class)
    void enumsRoundTripThroughAPostgresEnumType(Mood value) throws SQLException {
        roundTrip.execute("do $$ begin create type mood as enum ('SAD', 'OK', 'HAPPY');"
                + " exception when duplicate_object then null; end $$");
        TypeCodec<Mood> codec = RoundTrip.codec(stored(EnumType.POSTGRES));

        assertThat(codec.sqlType()).isEqualTo("\"mood\"");
        assertThat(roundTrip.store(codec, value)).isEqualTo(value);
    }

    @ParameterizedTest
    @EnumSource(
            value = EnumType.class,
            names = {"STRING", "ORDINAL", "POSTGRES"})
    void nullRoundTripsAsSqlNull(EnumType storage) throws SQLException {
        roundTrip.execute("do $$ begin create type mood as enum ('SAD', 'OK', 'HAPPY');"
                + " exception when duplicate_object then null; end $$");

        Object read = roundTrip.store(RoundTrip.codec(stored(storage)), null);

        assertThat(read).isNull();
    }

    @Test
    void aStoredNameThatIsNotAConstantIsRejectedWithoutQuotingIt() throws SQLException {
        String table = roundTrip.create(RoundTrip.codec(String.class));
        roundTrip.insert(table, RoundTrip.codec(String.class), "secret-value");

        assertThatThrownBy(() -> roundTrip.read(table, RoundTrip.codec(Mood.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stored value is not a constant of " + Mood.class.getName()
                        + "; was a constant renamed or removed? Update the stored rows, or restore the constant")
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void aStoredOrdinalOutOfRangeIsRejected() throws SQLException {
        String table = roundTrip.create(RoundTrip.codec(Integer.class));
        roundTrip.insert(table, RoundTrip.codec(Integer.class), 3);

        assertThatThrownBy(() -> roundTrip.read(table, RoundTrip.codec(stored(EnumType.ORDINAL))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the stored value is not a constant of " + Mood.class.getName());
    }
}
