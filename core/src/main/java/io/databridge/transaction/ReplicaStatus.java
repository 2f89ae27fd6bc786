package io.databridge.transaction;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ReplicaRoutingDataSource} knows of one replica: whether reads may go to it, and how far it is behind
 * the primary as of its last lag check. Immutable and thread-safe.
 *
 * @param name the replica's name, e.g. {@code 0} (its route tag is {@code replica-<name>})
 * @param state whether it takes reads
 * @param lagBytes how many bytes of WAL the primary has written that the replica has not replayed; {@code -1} when
 *     unknown (no check yet, lag checks off, or the primary or the replica could not be asked)
 * @param lag how long the replica has been short of a WAL position it has still not replayed (the primary's position
 *     when a check first found it behind), to the precision of the check interval; {@link Duration#ZERO} when it has
 *     caught up; {@code null} when unknown
 * @param detail why it is not {@link State#UP} (no values, no host), or {@code null}
 */
public record ReplicaStatus(
        String name,
        State state,
        long lagBytes,
        @Nullable Duration lag,
        @Nullable String detail) {

    /** Whether a replica takes reads. */
    public enum State {
        /** In rotation: reads go to it. */
        UP,
        /** Unreachable, or no longer a replica (promoted): out of rotation until a check finds it healthy. */
        DOWN,
        /** Reachable but lagging past the configured bound: out of rotation until it catches up. */
        OUT_OF_ROTATION
    }
}
