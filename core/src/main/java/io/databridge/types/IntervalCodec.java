package io.databridge.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGInterval;

/**
 * {@link Duration} as {@code interval}. Stateless enum singleton, so thread-safe.
 *
 * <p>A duration is bound as hours, minutes and seconds, never days or months, so {@code timestamptz + interval} adds
 * exactly that much elapsed time, whatever the time zone's daylight-saving rules. Sub-microsecond digits are dropped
 * (rounded down to the microsecond), as PostgreSQL keeps microseconds. On read, a day counts as 24 hours; an interval
 * with years or months is rejected, because a month has no fixed length.
 */
enum IntervalCodec implements TypeCodec<Duration> {
    INSTANCE;

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    private static final long SECONDS_PER_DAY = 86_400L;

    private static final BulkForm<Duration> BULK =
            BulkForm.text("interval", value -> interval(value).getValue());

    @Override
    public String sqlType() {
        return "interval";
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable Duration value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
            return;
        }
        statement.setObject(index, interval(value));
    }

    @Override
    public BulkForm<Duration> bulkForm() {
        return BULK;
    }

    private static PGInterval interval(Duration value) {
        long micros;
        try {
            micros = Math.addExact(Math.multiplyExact(value.getSeconds(), MICROS_PER_SECOND), value.getNano() / 1000);
        } catch (ArithmeticException ex) {
            throw tooLong();
        }
        long magnitude = Math.abs(micros);
        long hours = magnitude / MICROS_PER_HOUR;
        if (micros == Long.MIN_VALUE || hours > Integer.MAX_VALUE) {
            throw tooLong();
        }
        int minutes = (int) (magnitude % MICROS_PER_HOUR / MICROS_PER_MINUTE);
        long restMicros = magnitude % MICROS_PER_MINUTE;
        double seconds = (restMicros / MICROS_PER_SECOND) + (restMicros % MICROS_PER_SECOND) / 1_000_000.0;
        int sign = micros < 0 ? -1 : 1;
        return new PGInterval(0, 0, 0, sign * (int) hours, sign * minutes, sign * seconds);
    }

    @Override
    public @Nullable Duration read(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        if (text == null) {
            return null;
        }
        PGInterval interval = new PGInterval(text);
        if (interval.getYears() != 0 || interval.getMonths() != 0) {
            throw new IllegalArgumentException(
                    "the stored interval has months or years, which have no fixed length,"
                            + " so it cannot be read as a Duration; store days instead of months (e.g. '30 days', not '1 mon')");
        }
        long seconds = interval.getDays() * SECONDS_PER_DAY
                + interval.getHours() * 3600L
                + interval.getMinutes() * 60L
                + interval.getWholeSeconds();
        return Duration.ofSeconds(seconds, interval.getMicroSeconds() * 1000L);
    }

    private static IllegalArgumentException tooLong() {
        return new IllegalArgumentException(
                "the Duration is too long for a PostgreSQL interval (at most about 245,000 years); store it as"
                        + " seconds in a bigint column with a custom TypeCodec");
    }
}
