package io.databridge.autoconfigure.pgbouncer;

import io.databridge.query.Column;

/**
 * Written out as data-bridge-processor would generate it: this module's tests compile without the processor, since
 * they stand for a build that omits it (MissingMetamodelTest).
 */
public final class Ticket_ {

    /** Property {@code title}. */
    public static final Column<Ticket, String> title = Column.of(Ticket.class, "title", String.class);

    /** Property {@code priority}. */
    public static final Column<Ticket, Integer> priority = Column.of(Ticket.class, "priority", Integer.class);

    private Ticket_() {}
}
