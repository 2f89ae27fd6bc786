package io.databridge.testdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Testcontainers source; only touched when Testcontainers is on the class path. Not thread-safe on its own. */
final class Containers {

    private static final Logger logger = LoggerFactory.getLogger(Containers.class);

    private static final boolean PRESENT = isPresent("org.testcontainers.postgresql.PostgreSQLContainer");

    private Containers() {}

    static boolean dockerAvailable() {
        if (!PRESENT) {
            return false;
        }
        try {
            return Docker.available();
        } catch (RuntimeException | LinkageError ex) {
            logger.debug("Docker is not available: {}", ex.getMessage());
            return false;
        }
    }

    static TestDatabase start() {
        if (!PRESENT) {
            throw new IllegalStateException(
                    "DATA_BRIDGE_TEST_DB=testcontainers needs org.testcontainers:testcontainers-postgresql on the test class path");
        }
        return Docker.start();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, Containers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError ex) {
            return false;
        }
    }

    /**
     * The image: {@code DATA_BRIDGE_TEST_POSTGRES_IMAGE} (or the system property
     * {@code data-bridge.test.postgres-image}), else {@code postgres:<major>-alpine} for the major version of the
     * embedded server's binaries, so every fallback runs the same PostgreSQL.
     */
    static String image() {
        String configured = System.getProperty("data-bridge.test.postgres-image");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("DATA_BRIDGE_TEST_POSTGRES_IMAGE");
        }
        return configured == null || configured.isBlank()
                ? "postgres:" + io.databridge.embedded.EmbeddedPostgresServer.postgresMajorVersion() + "-alpine"
                : configured.trim();
    }

    /** Holds every reference to Testcontainers types, so they load only when present. */
    private static final class Docker {

        static boolean available() {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        }

        static TestDatabase start() {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer(image());
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "data-bridge-testcontainers-stop"));
            return TestDatabase.container(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
    }
}
