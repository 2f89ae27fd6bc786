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
