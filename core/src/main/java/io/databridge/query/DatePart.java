package io.databridge.query;

import java.util.Locale;

/**
 * A field of a date, time or interval, for {@link Expressions#extract} and {@link Expressions#dateTrunc}. Rendered
 * as the PostgreSQL keyword ({@code extract}) or string ({@code date_trunc}).
 */
public enum DatePart {
    /** Microseconds, including seconds. */
    MICROSECONDS,
    /** Milliseconds, including seconds. */
    MILLISECONDS,
    /** Seconds, with fraction. */
    SECOND,
    /** Minute of the hour. */
    MINUTE,
    /** Hour of the day. */
    HOUR,
    /** Day of the month. */
    DAY,
    /** ISO week of the year. */
    WEEK,
    /** Month of the year. */
    MONTH,
    /** Quarter of the year. */
    QUARTER,
    /** The year. */
    YEAR,
    /** The decade. */
    DECADE,
    /** The century. */
    CENTURY,
    /** Day of the week, Sunday 0 ({@code extract} only). */
    DOW,
    /** Day of the week, Monday 1 to Sunday 7 ({@code extract} only). */
    ISODOW,
    /** Day of the year ({@code extract} only). */
    DOY,
    /** Seconds since 1970-01-01 00:00 UTC, or an interval's length in seconds ({@code extract} only). */
    EPOCH;

    String keyword() {
        return name();
    }

    String literal() {
        return "'" + name().toLowerCase(Locale.ROOT) + "'";
    }
}
