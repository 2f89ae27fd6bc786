package io.databridge.autoconfigure;

import io.databridge.embedded.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the embedded PostgreSQL of an application that Spring Boot devtools restarts: each restart closes the context
 * and creates a new one in a new class loader, while this class, in a library jar, stays loaded by the base class
 * loader. The server then lives as long as the JVM (a shutdown hook stops it), as Spring Boot's Docker Compose support
 * keeps its services across restarts, so the developer's data and the port survive. Thread-safe.
 */
final class EmbeddedServers {

    private static final String RESTART_CLASS_LOADER =
            "org.springframework.boot.devtools.restart.classloader.RestartClassLoader";

    private static @Nullable EmbeddedPostgresServer survivor;

    private static @Nullable Path survivorDirectory;

    private EmbeddedServers() {}

    /** Whether the context's class loader is devtools' restart class loader (or a child of it). */
    static boolean restartable(@Nullable ClassLoader classLoader) {
        for (ClassLoader current = classLoader; current != null; current = current.getParent()) {
            if (current.getClass().getName().equals(RESTART_CLASS_LOADER)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The server that outlives devtools restarts: the running one when its data directory is the same, else a new one.
     *
     * @param dataDirectory the data directory, or {@code null} for a temporary one
     * @return the server, stopped only when the JVM exits
     */
    static synchronized EmbeddedPostgresServer surviving(@Nullable Path dataDirectory) {
        EmbeddedPostgresServer running = survivor;
        if (running != null && Objects.equals(survivorDirectory, dataDirectory)) {
            return running;
        }
        if (running != null) {
            running.close();
        }
        EmbeddedPostgresServer started = EmbeddedPostgresServer.start(dataDirectory);
        if (survivor == null) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(EmbeddedServers::stopSurvivor, "data-bridge-embedded-postgres-stop"));
        }
        survivor = started;
        survivorDirectory = dataDirectory;
        return started;
    }

    /** Stops the server that outlives restarts, if there is one. */
    static synchronized void stopSurvivor() {
        EmbeddedPostgresServer running = survivor;
        survivor = null;
        survivorDirectory = null;
        if (running != null) {
            running.close();
        }
    }

    static synchronized boolean isSurvivor(EmbeddedPostgresServer server) {
        return server == survivor;
    }
}
