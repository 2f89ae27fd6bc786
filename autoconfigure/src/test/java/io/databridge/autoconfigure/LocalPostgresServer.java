package io.databridge.autoconfigure;

import java.io.IOException;
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
 * A PostgreSQL server of the machine's own binaries ({@code initdb}, {@code pg_ctl}, {@code pg_basebackup}), in a
 * temporary directory, on a free loopback port: a primary, or a streaming standby of one made with {@code pg_basebackup
 * -R}. Small settings (16 MB shared buffers, no fsync) so that a test class starts its servers in a few seconds. Run as
 * the {@code postgres} user when the tests run as root ({@code initdb} refuses root). {@code .ci/run} installs the
 * binaries when missing.
 */
final class LocalPostgresServer implements AutoCloseable {

    private final Path directory;
    private final int port;
    private boolean running;

    private LocalPostgresServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Creates and starts a primary. */
    static LocalPostgresServer startPrimary() throws Exception {
        LocalPostgresServer server = new LocalPostgresServer(directory("primary"), PgBouncerProcess.freePort());
        server.run(
                "initdb", "-D", server.data().toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        server.configure("");
        server.start();
        return server;
    }

    /**
     * Creates and starts a streaming standby of {@code primary}.
     *
     * @param extraSettings more {@code postgresql.conf} lines, e.g. {@code recovery_min_apply_delay = '200ms'}
     */
    static LocalPostgresServer startStandby(LocalPostgresServer primary, String extraSettings) throws Exception {
        LocalPostgresServer server = new LocalPostgresServer(directory("standby"), PgBouncerProcess.freePort());
        server.run(
                "pg_basebackup",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(primary.port),
                "-U",
                "postgres",
                "-D",
                server.data().toString(),
                "-R",
                "-X",
                "stream",
                "--no-sync");
        server.configure(extraSettings);
        server.start();
        return server;
    }

    private static Path directory(String role) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("data-bridge-" + role + "-");
        if (asRoot()) {
            new ProcessBuilder("chown", "postgres:postgres", directory.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
        return directory;
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void configure(String extraSettings) throws IOException {
        String settings = "\nport = " + port + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '"
                + directory + "'\nshared_buffers = 16MB\nmax_connections = 40\nfsync = off\nfull_page_writes = off\n"
                + "max_wal_senders = 4\nwal_keep_size = 64MB\nlogging_collector = off\n" + extraSettings + "\n";
        Files.writeString(
                data().resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    void start() throws Exception {
        run(
                "pg_ctl",
                "-D",
                data().toString(),
                "-l",
                directory.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "start");
        running = true;
    }

    /** Stops the server the way an orderly shutdown does: connected standbys receive all its WAL first. */
    void stopFast() throws Exception {
        run("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "-t", "60", "stop");
        running = false;
    }

    /** Stops the server the way a crash does: every backend is killed at once, nothing is flushed or sent. */
    void stopImmediate() throws Exception {
        run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "-t", "60", "stop");
        running = false;
    }

    /** Promotes this standby to a primary and waits until it accepts writes. */
    void promote() throws Exception {
        run("pg_ctl", "-D", data().toString(), "-w", "-t", "60", "promote");
    }

    /** Runs statements on the server's {@code postgres} database, as {@code postgres}, in autocommit. */
    void execute(String... statements) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "");
                java.sql.Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Stops and deletes the servers a test class started, the standbys first; skips those that never started. */
    static void closeAll(LocalPostgresServer... servers) throws Exception {
        for (LocalPostgresServer server : servers) {
            if (server != null) {
                server.close();
            }
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private void run(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (asRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.add(binaries().resolve(command[0]).toString());
        line.addAll(List.of(command).subList(1, command.length));
        Path output = Files.createTempFile("pg-command-", ".log");
        try {
            Process process = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command[0] + " failed (" + process.exitValue() + "): "
                        + Files.readString(output) + serverLog());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String serverLog() {
        try {
            return "\nserver log:\n" + Files.readString(directory.resolve("server.log"));
        } catch (IOException ex) {
            return "";
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} with {@code pg_basebackup}. */
    static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("pg_basebackup")))
                        .max(Comparator.comparing(bin -> Integer.parseInt(
                                bin.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException(
                "No PostgreSQL server binaries under /usr/lib/postgresql: apt-get install -y postgresql (.ci/run does"
                        + " this)");
    }

    @Override
    public void close() throws Exception {
        try {
            if (running) {
                run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (RuntimeException ex) {
            // already stopped
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
