package io.databridge.transaction;

import org.jspecify.annotations.Nullable;

/**
 * The read-your-writes position of the current thread: the WAL position (LSN) of the last transaction it committed on
 * the primary through a {@link ReplicaRoutingTransactionManager}. A read routed to a replica is served there only once
 * the replica has replayed up to this position. Carry it across requests (a header, the session) with {@link #token()}
 * and {@link #resume(String)}; {@link #clear()} it at the end of a request when later requests on the thread need not
 * see this one's writes. Thread-confined: each thread has its own position.
 */
public final class ReadYourWrites {

    private static final ThreadLocal<@Nullable Long> POSITION = new ThreadLocal<>();

    private ReadYourWrites() {}

    /**
     * The position as a token to carry to a later request, e.g. {@code 0/3000148}.
     *
     * @return the token, or {@code null} when this thread has committed nothing since it was cleared
     */
    public static @Nullable String token() {
        Long position = POSITION.get();
        return position == null ? null : format(position);
    }

    /**
     * Makes this thread's reads wait for the writes a token stands for (and for this thread's own later ones).
     *
     * @param token a token from {@link #token()}, or {@code null} to do nothing
     * @throws IllegalArgumentException when the token is not a WAL position
     */
    public static void resume(@Nullable String token) {
        if (token != null) {
            advance(parse(token));
        }
    }

    /** Forgets this thread's position: its next reads may go to any replica in rotation. */
    public static void clear() {
        POSITION.remove();
    }

    static @Nullable Long position() {
        return POSITION.get();
    }

    static void advance(long position) {
        Long current = POSITION.get();
        if (current == null || Long.compareUnsigned(position, current) > 0) {
            POSITION.set(position);
        }
    }

    static String format(long position) {
        return Long.toHexString(position >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(position & 0xFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
    }

    static long parse(String token) {
        int slash = token.indexOf('/');
        try {
            if (slash > 0 && slash < token.length() - 1) {
                return (Long.parseLong(token.substring(0, slash), 16) << 32)
                        | Long.parseLong(token.substring(slash + 1), 16);
            }
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw new IllegalArgumentException(
                "Not a read-your-writes token: expected a WAL position such as 0/3000148 from ReadYourWrites.token()");
    }
}
