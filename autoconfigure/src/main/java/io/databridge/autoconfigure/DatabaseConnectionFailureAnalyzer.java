package io.databridge.autoconfigure;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains why the application could not connect to PostgreSQL at startup (server unreachable, credentials rejected,
 * database missing) and which properties to set. The URL is shown without credentials or query string, and the
 * driver's message is left out, so no password can appear.
 */
final class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        if (state == null) {
            return null;
        }
        String prefix = springUrl() != null ? "spring.datasource" : "data-bridge.datasource";
        String url = url();
        String where = url == null ? "PostgreSQL" : "PostgreSQL at " + url;
        String user = environment.getProperty(prefix + ".username");
        String asUser = user == null || user.isBlank() ? "" : " as user '" + user + "'";
        FailureAnalysis authentication = authentication(state, cause, where, prefix, user);
        if (authentication != null) {
            return authentication;
        }
        if (state.startsWith("08")) {
            return new FailureAnalysis(
                    "data-bridge could not connect to " + where + ": the server did not accept a connection (SQLSTATE "
                            + state + ").",
                    "Start PostgreSQL there, or set " + prefix + ".url to a running server. For development without a"
                            + " server, add the data-bridge-embedded dependency and remove the URL.",
                    cause);
        }
        if (state.startsWith("28")) {
            return new FailureAnalysis(
                    where + " rejected the login" + asUser + " (SQLSTATE " + state + ").",
                    "Check " + prefix + ".username and " + prefix + ".password (or the environment variable the"
                            + " password refers to), and that the server's pg_hba.conf admits this user.",
                    cause);
        }
        if (state.equals("3D000")) {
            return new FailureAnalysis(
                    "The database in the URL does not exist on " + where + " (SQLSTATE 3D000).",
                    "Create it (CREATE DATABASE ...), or fix the database name at the end of " + prefix + ".url.",
                    cause);
        }
        return null;
    }

    /**
     * One explanation per authentication failure. The driver's message is read to tell them apart (pgjdbc and the
     * server word them stably) but never shown: it may name the host or the role.
     */
    private static @Nullable FailureAnalysis authentication(
            String state, SQLException cause, String where, String prefix, @Nullable String user) {
        String message = String.valueOf(cause.getMessage());
        String named = user == null || user.isBlank() ? "the configured user" : "user '" + user + "'";
        if (state.equals("08004") && message.contains("but no password was provided")) {
            String method = message.contains("SCRAM") ? "SCRAM (scram-sha-256)" : "password";
            return new FailureAnalysis(
                    where + " asked for a password (" + method + " authentication) for " + named
                            + ", but no password is configured (SQLSTATE 08004).",
                    "Set " + prefix + ".password, e.g. password: ${DB_PASSWORD} with the environment variable"
                            + " DB_PASSWORD set (a placeholder whose variable is not set leaves no password).",
                    cause);
        }
        if (state.equals("08004") && message.contains("authentication type")) {
            return new FailureAnalysis(
                    where + " asked " + named + " to log in with an authentication method the PostgreSQL driver"
                            + " does not support (SQLSTATE 08004).",
                    "Change the method for this user in the server's pg_hba.conf to scram-sha-256 (or md5) and reload"
                            + " the server.",
                    cause);
        }
        if (state.equals("28P01")) {
            return new FailureAnalysis(
                    where + " rejected the password of " + named + " (SQLSTATE 28P01).",
                    "Check " + prefix + ".password (or the environment variable it refers to) and " + prefix
                            + ".username; the server answers the same when the user does not exist.",
                    cause);
        }
        if (state.equals("28000") && message.contains("role") && message.contains("does not exist")) {
            return new FailureAnalysis(
                    where + " has no role (user) "
                            + (user == null || user.isBlank() ? "of the configured name" : "'" + user + "'")
                            + " (SQLSTATE 28000).",
                    "Fix " + prefix + ".username, or create the role on the server: CREATE ROLE <name> LOGIN PASSWORD"
                            + " '...'.",
                    cause);
        }
        if (state.equals("28000") && message.contains("pg_hba.conf")) {
            return new FailureAnalysis(
                    where + " does not admit " + named + " from this host to this database (no matching pg_hba.conf"
                            + " entry; SQLSTATE 28000).",
                    "Add an entry for this user, database and client address to the server's pg_hba.conf and reload"
                            + " the server, or connect from a host it admits.",
                    cause);
        }
        return null;
    }

    private @Nullable String springUrl() {
        String url = environment.getProperty(DatabaseUrlConditions.SPRING_URL);
        return url == null || url.isBlank() ? null : url;
    }

    private @Nullable String url() {
        String url = springUrl();
        if (url == null) {
            url = environment.getProperty(DatabaseUrlConditions.DATA_BRIDGE_URL);
        }
        return url == null || url.isBlank() ? null : JdbcUrls.withoutCredentials(url);
    }
}
