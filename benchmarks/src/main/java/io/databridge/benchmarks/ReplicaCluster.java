package io.databridge.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A primary and one streaming replica for the replica benchmarks: by default started here from the machine's
 * PostgreSQL binaries (the newest {@code /usr/lib/postgresql/<version>/bin}; as the {@code postgres} user when run as
 * root) on free loopback ports, with the benchmark schema seeded on the primary and replayed by the replica; or two
 * running servers given by {@code -Dbench.primaryUrl=...} and {@code -Dbench.replicaUrl=...} (user {@code
 * bench.user}). {@link #close()} stops and deletes the servers it started.
 */
final class ReplicaCluster implements AutoCloseable {

    private final List<Path> started = new ArrayList<>();
    private final String primaryUrl;
    private final String replicaUrl;

    private ReplicaCluster(String primaryUrl, String replicaUrl) {
        this.primaryUrl = primaryUrl;
        this.replicaUrl = replicaUrl;
    }

    static ReplicaCluster start() throws Exception {
        String primary = System.getProperty("bench.primaryUrl");
        String replica = System.getProperty("bench.replicaUrl");
        if (primary != null && replica != null) {
            return new ReplicaCluster(primary, replica);
        }
        int primaryPort = freePort();
        int replicaPort = freePort();
        ReplicaCluster cluster = new ReplicaCluster(url(primaryPort), url(replicaPort));
        try {
            Path primaryDirectory = cluster.directory("primary");
            Path primaryData = primaryDirectory.resolve("data");
            run("initdb", "-D", primaryData.toString(), "-U", "postgres", "--auth=trust", "--no-sync");
            configure(primaryDirectory, primaryPort);
            cluster.startServer(primaryDirectory);
            Path replicaDirectory = cluster.directory("replica");
            run(
                    "pg_basebackup",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(primaryPort),
                    "-U",
                    "postgres",
                    "-D",
                    replicaDirectory.resolve("data").toString(),
                    "-R",
                    "-X",
                    "stream",
                    "--no-sync");
            configure(replicaDirectory, replicaPort);
            cluster.startServer(replicaDirectory);
        } catch (Exception ex) {
            cluster.close();
            throw ex;
        }
        return cluster;
    }

    /** A pool of {@code size} connections to the primary, with the benchmark schema seeded. */
    HikariDataSource primaryPool(int size) {
        HikariDataSource pool = pool(primaryUrl, "bench-primary", size);
        BenchDatabase.ensureSchema(pool);
        return pool;
    }

    /** A pool of {@code size} connections to the replica. */
    HikariDataSource replicaPool(int size) {
        return pool(replicaUrl, "bench-replica", size);
    }

    private static HikariDataSource pool(String url, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(BenchDatabase.user());
        config.setPassword(BenchDatabase.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?currentSchema=databridge_bench";
    }

    private Path directory(String role) throws Exception {
        Path directory = Files.createTempDirectory("data-bridge-bench-" + role + "-");
        if (asRoot()) {
            new ProcessBuilder("chown", "postgres:postgres", directory.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
        return directory;
    }

    private static void configure(Path directory, int port) throws IOException {
        String settings = "\nport = " + port + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '"
                + directory + "'\nmax_connections = 60\nfsync = off\nmax_wal_senders = 4\nwal_keep_size = 64MB\n";
        Files.writeString(
                directory.resolve("data").resolve("postgresql.conf"),
                settings,
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    private void startServer(Path directory) throws Exception {
        run(
                "pg_ctl",
                "-D",
                directory.resolve("data").toString(),
                "-l",
                directory.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "start");
        started.add(0, directory);
    }

    private static void run(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (asRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.add(binaries().resolve(command[0]).toString());
        line.addAll(List.of(command).subList(1, command.length));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command[0] + " failed: " + output);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_basebackup")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException(
                            "No PostgreSQL binaries under /usr/lib/postgresql: apt-get install -y postgresql, or give"
                                    + " -Dbench.primaryUrl and -Dbench.replicaUrl"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (Path directory : started) {
            try {
                run("pg_ctl", "-D", directory.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            } catch (RuntimeException ex) {
                // already stopped
            }
        }
        for (Path directory : started) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
