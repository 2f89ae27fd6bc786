package io.databridge.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.testdb.PostgresTest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@PostgresTest
class TemporalCodecsRoundTripTest {

    private final RoundTrip roundTrip;

    TemporalCodecsRoundTripTest(DataSource dataSource) {
        this.roundTrip = new RoundTrip(dataSource);
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                Instant.class,
                OffsetDateTime.class,
                LocalDateTime.class,
                LocalDate.class,
                LocalTime.class,
                Duration.class
            })
    void nullRoundTripsAsSqlNull(Class<?> type) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(type), null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-02-29T12:34:56.123456Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999Z",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999Z"
            })
    void instantsRoundTripWithMicrosecondPrecision(String text) throws SQLException {
        Instant value = Instant.parse(text);

        assertThat(roundTrip.store(RoundTrip.codec(Instant.class), value)).isEqualTo(value);
    }

    @Test
    void instantNanosecondsAreRoundedToTheMicrosecond() throws SQLException {
        Instant read = roundTrip.store(RoundTrip.codec(Instant.class), Instant.parse("2024-01-01T00:00:00.123456789Z"));

        assertThat(read).isEqualTo(Instant.parse("2024-01-01T00:00:00.123457Z"));
    }

    @Test
    void offsetDateTimesComeBackAsTheSameInstantAtUtc() throws SQLException {
        OffsetDateTime value = OffsetDateTime.parse("2024-06-01T08:30:00.654321+05:30");

        OffsetDateTime read = roundTrip.store(RoundTrip.codec(OffsetDateTime.class), value);

        assertThat(read).isNotNull();
        assertThat(read.isEqual(value)).isTrue();
        assertThat(read.getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.999999", "1900-01-01T00:00:00", "0001-01-01T00:00:00.000001"})
    void localDateTimesRoundTrip(String text) throws SQLException {
        LocalDateTime value = LocalDateTime.parse(text);

        assertThat(roundTrip.store(RoundTrip.codec(LocalDateTime.class), value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29", "1970-01-01", "0001-01-01", "9999-12-31"})
    void localDatesRoundTrip(String text) throws SQLException {
        LocalDate value = LocalDate.parse(text);

        assertThat(roundTrip.store(RoundTrip.codec(LocalDate.class), value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00:00", "12:34:56.789012", "23:59:59.999999"})
    void localTimesRoundTrip(String text) throws SQLException {
        LocalTime value = LocalTime.parse(text);

        assertThat(roundTrip.store(RoundTrip.codec(LocalTime.class), value)).isEqualTo(value);
    }

    static Stream<Duration> durations() {
        return Stream.of(
                Duration.ZERO,
                Duration.parse("PT1H30M"),
                Duration.parse("PT0.000001S"),
                Duration.parse("PT-0.000001S"),
                Duration.parse("PT-1H-30M-0.5S"),
                Duration.ofDays(45).plusSeconds(1),
                Duration.ofDays(-400).minusNanos(1000),
                Duration.ofDays(365L * 10_000).plusNanos(999_999_000),
                Duration.parse("PT59.999999S"));
    }

    @ParameterizedTest
    @MethodSource("durations")
    void durationsRoundTripAsIntervals(Duration value) throws SQLException {
        assertThat(roundTrip.store(RoundTrip.codec(Duration.class), value)).isEqualTo(value);
    }

    @Test
    void durationNanosecondsAreRoundedDownToTheMicrosecond() throws SQLException {
        Duration read = roundTrip.store(RoundTrip.codec(Duration.class), Duration.ofNanos(1_999));

        assertThat(read).isEqualTo(Duration.ofNanos(1_000));
    }

    @Test
    void aDurationIsStoredAsHoursNotDays() throws SQLException {
        TypeCodec<Duration> codec = RoundTrip.codec(Duration.class);
        String table = roundTrip.create(codec);
        roundTrip.insert(table, codec, Duration.ofDays(2));

        roundTrip.execute("create table interval_text as select id, v::text as v from " + table);

        assertThat(roundTrip.read("interval_text", RoundTrip.codec(String.class)))
                .isEqualTo("48:00:00");
    }

    @Test
    void aStoredIntervalInDaysReadsAsTwentyFourHourDays() throws SQLException {
        roundTrip.execute("create table interval_days (id integer primary key, v interval)");
        roundTrip.execute("insert into interval_days values (1, interval '3 days -1 hour')");

        assertThat(roundTrip.read("interval_days", RoundTrip.codec(Duration.class)))
                .isEqualTo(Duration.ofHours(71));
    }

    @Test
    void aStoredIntervalWithMonthsIsRejectedOnRead() throws SQLException {
        roundTrip.execute("create table interval_months (id integer primary key, v interval)");
        roundTrip.execute("insert into interval_months values (1, interval '1 mon 2 days')");

        assertThatThrownBy(() -> roundTrip.read("interval_months", RoundTrip.codec(Duration.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stored interval has months or years, which have no fixed length, so it cannot be read"
                        + " as a Duration; store days instead of months (e.g. '30 days', not '1 mon')");
    }

    @Test
    void aDurationTooLongForAnIntervalIsRejectedOnBind() throws SQLException {
        TypeCodec<Duration> codec = RoundTrip.codec(Duration.class);
        String table = roundTrip.create(codec);

        assertThatThrownBy(() -> roundTrip.insert(table, codec, Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the Duration is too long for a PostgreSQL interval (at most about 245,000 years); store"
                        + " it as seconds in a bigint column with a custom TypeCodec");
    }

    @Test
    void sqlTypesAreTheColumnTypesForDdl() {
        assertThat(Stream.of(
                                Instant.class,
                                OffsetDateTime.class,
                                LocalDateTime.class,
                                LocalDate.class,
                                LocalTime.class,
                                Duration.class)
                        .map(type -> RoundTrip.codec(type).sqlType()))
                .containsExactly("timestamptz", "timestamptz", "timestamp", "date", "time", "interval");
    }
}
