package io.databridge.benchmarks;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Json;
import io.databridge.mapping.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of scenarios 13 and 14: one column of each kind whose values used to be encoded one by one in bulk ({@code
 * Instant}, {@code UUID}, {@code BigDecimal}, an enum, jsonb).
 */
@Table(name = "event_bulk")
public class DbEvent {

    /** The kind of event, stored by name. */
    public enum Kind {
        CREATED,
        PAID,
        SHIPPED
    }

    /** The jsonb document. */
    public record Payload(String source, int attempt) {}

    @Id
    @GeneratedValue
    public @Nullable Long id;

    public Instant at = Instant.EPOCH;
    public UUID ref = new UUID(0, 0);
    public BigDecimal amount = BigDecimal.ZERO;
    public Kind kind = Kind.CREATED;

    @Json
    public Payload payload = new Payload("", 0);

    public DbEvent() {}

    /** Event {@code i}, the same for every library. */
    public static DbEvent of(int i) {
        DbEvent event = new DbEvent();
        event.at = Instant.ofEpochSecond(1_700_000_000L + i, 123_456_000L);
        event.ref = new UUID(0x5EED_0000_0000_0000L + i, i * 31L);
        event.amount = BigDecimal.valueOf(i * 7L + 1, 2);
        event.kind = Kind.values()[i % 3];
        event.payload = new Payload("bench", i % 5);
        return event;
    }
}
