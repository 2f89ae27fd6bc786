package io.databridge.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Supplies the database user and password for each new connection of data-bridge's pool: rotating credentials from a
 * vault, a cloud IAM token that expires. Define one as a bean and the pool asks it whenever it opens a connection, so a
 * rotated secret is used from the next connection on without a restart; it replaces {@code
 * data-bridge.datasource.password} and {@code password-file}. Implementations must be thread-safe, should cache what
 * they fetch (a pool opens connections at startup, on replacement and on growth), and must never log the password.
 */
@FunctionalInterface
public interface DataBridgeCredentialsProvider {

    /**
     * The credentials for a new connection.
     *
     * @return the credentials; a {@code null} user name falls back to {@code data-bridge.datasource.username}
     */
    Credentials credentials();

    /**
     * A user name and password. Its string form masks the password.
     *
     * @param username the user name, {@code null} for the configured one
     * @param password the password, {@code null} when none is needed
     */
    record Credentials(@Nullable String username, @Nullable String password) {

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=" + (password == null ? "null" : "******") + "]";
        }
    }
}
