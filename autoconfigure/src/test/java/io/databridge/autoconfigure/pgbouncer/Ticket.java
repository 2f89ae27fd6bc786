package io.databridge.autoconfigure.pgbouncer;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;
import org.jspecify.annotations.Nullable;

/**
 * An entity used through PgBouncer.
 *
 * @param id the id
 * @param title the title
 * @param priority the priority
 * @param version the optimistic-locking version
 */
@Table(name = "tickets")
public record Ticket(
        @Id @GeneratedValue @Nullable Long id,
        String title,
        int priority,
        @Version long version) {}
