package io.databridge.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The built-in codecs for {@code java.time} dates and times, through pgjdbc's JDBC 4.2 {@code setObject}/{@code
 * getObject}. Each is a stateless enum singleton, so thread-safe.
 *
 * <p>PostgreSQL keeps microseconds: the driver rounds nanoseconds to the nearest microsecond on bind, so a value with
 * sub-microsecond digits does not read back equal. {@code Duration} is in {@link IntervalCodec}.
 */
final class TemporalCodecs {

    private TemporalCodecs() {}

    /** {@link Instant} as {@code timestamptz}, bound as an {@link OffsetDateTime} at UTC. */
    enum InstantCodec implements TypeCodec<Instant> {
        INSTANCE;

        private static final BulkForm<Instant> BULK = BulkForm.text(
                "timestamptz",
                value -> OffsetDateTime.ofInstant(value, ZoneOffset.UTC).toString());

        @Override
        public BulkForm<Instant> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "timestamptz";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Instant value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
        }

        @Override
        public @Nullable Instant read(ResultSet rows, int index) throws SQLException {
            OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }

    /**
     * {@link OffsetDateTime} as {@code timestamptz}. PostgreSQL stores the instant, not the offset: values read back at
     * UTC ({@code +00:00}), so compare them with {@link OffsetDateTime#isEqual}, not {@code equals}.
     */
    enum OffsetDateTimeCodec implements TypeCodec<OffsetDateTime> {
        INSTANCE;

        private static final BulkForm<OffsetDateTime> BULK = BulkForm.text("timestamptz", OffsetDateTime::toString);

        @Override
        public BulkForm<OffsetDateTime> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "timestamptz";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable OffsetDateTime value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(index, value);
            }
        }

        @Override
        public @Nullable OffsetDateTime read(ResultSet rows, int index) throws SQLException {
            return rows.getObject(index, OffsetDateTime.class);
        }
    }

    /** {@link LocalDateTime} as {@code timestamp} (without time zone). */
    enum LocalDateTimeCodec implements TypeCodec<LocalDateTime> {
        INSTANCE;

        private static final BulkForm<LocalDateTime> BULK = BulkForm.text("timestamp", LocalDateTime::toString);

        @Override
        public BulkForm<LocalDateTime> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "timestamp";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable LocalDateTime value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.TIMESTAMP);
            } else {
                statement.setObject(index, value);
            }
        }

        @Override
        public @Nullable LocalDateTime read(ResultSet rows, int index) throws SQLException {
            return rows.getObject(index, LocalDateTime.class);
        }
    }

    /** {@link LocalDate} as {@code date}. */
    enum LocalDateCodec implements TypeCodec<LocalDate> {
        INSTANCE;

        private static final BulkForm<LocalDate> BULK = BulkForm.text("date", LocalDate::toString);

        @Override
        public BulkForm<LocalDate> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "date";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable LocalDate value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.DATE);
            } else {
                statement.setObject(index, value);
            }
        }

        @Override
        public @Nullable LocalDate read(ResultSet rows, int index) throws SQLException {
            return rows.getObject(index, LocalDate.class);
        }
    }

    /** {@link LocalTime} as {@code time} (without time zone). */
    enum LocalTimeCodec implements TypeCodec<LocalTime> {
        INSTANCE;

        private static final BulkForm<LocalTime> BULK = BulkForm.text("time", LocalTime::toString);

        @Override
        public BulkForm<LocalTime> bulkForm() {
            return BULK;
        }

        @Override
        public String sqlType() {
            return "time";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable LocalTime value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.TIME);
            } else {
                statement.setObject(index, value);
            }
        }

        @Override
        public @Nullable LocalTime read(ResultSet rows, int index) throws SQLException {
            return rows.getObject(index, LocalTime.class);
        }
    }
}
