package io.databridge.autoconfigure.pgbouncer;

import io.databridge.repository.PgRepository;
import java.util.List;
import java.util.Optional;

/** A repository used through PgBouncer. */
public interface TicketRepository extends PgRepository<Ticket, Long> {

    /**
     * A derived query.
     *
     * @param title the title
     * @return the ticket with it
     */
    Optional<Ticket> findByTitle(String title);

    /**
     * A derived query with a sort.
     *
     * @param priority the lower bound
     * @return the tickets above it, by title
     */
    List<Ticket> findByPriorityGreaterThanOrderByTitleAsc(int priority);
}
