package io.databridge.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PgBouncer in transaction pooling mode in front of a PostgreSQL server, on a free loopback port, for one test
 * class. Two server connections per database with {@code server_round_robin}, so consecutive transactions of one client
 * connection land on different server connections, as they do under load. Started as the {@code postgres} user when
 * the tests run as root (PgBouncer refuses root). {@code .ci/run} installs PgBouncer; a machine without it fails here.
 */
final class PgBouncerProcess implements AutoCloseable {

    /** The database name clients use. */
    static final String DATABASE = "bounced";

    private final Process process;
    private final Path directory;
    private final int port;

    private PgBouncerProcess(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts PgBouncer with one database, {@value #DATABASE}: the database of {@code jdbcUrl} with {@code schema} as
     * its search path.
     *
     * @param jdbcUrl the URL of the database, {@code jdbc:postgresql://host:port/db}
     * @param user the user PgBouncer logs in as
     * @param password its password, or empty
     * @param schema the schema every server connection works in
     */
    static PgBouncerProcess start(String jdbcUrl, String user, String password, String schema) throws Exception {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        String databaseName = server.getPath().substring(1);
        int port = freePort();
        Path directory = Files.createTempDirectory("pgbouncer-");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        boolean root = "root".equals(System.getProperty("user.name"));
        String ini = "[databases]\n"
                + DATABASE + " = host=" + server.getHost() + " port=" + (server.getPort() < 0 ? 5432 : server.getPort())
                + " dbname=" + databaseName + " user=" + user + (password.isEmpty() ? "" : " password=" + password)
                + " connect_query='SET search_path TO " + schema + "'\n"
                + "[pgbouncer]\n"
                + "listen_addr = 127.0.0.1\n"
                + "listen_port = " + port + "\n"
                + "unix_socket_dir =\n"
                + "auth_type = any\n"
                + "pool_mode = transaction\n"
                + "default_pool_size = 2\n"
                + "min_pool_size = 2\n"
                + "server_round_robin = 1\n"
                + "max_client_conn = 100\n"
                + "ignore_startup_parameters = extra_float_digits\n"
                + "logfile = " + directory.resolve("pgbouncer.log") + "\n"
                + "pidfile = " + directory.resolve("pgbouncer.pid") + "\n"
                + (root ? "user = postgres\n" : "");
        Path config = directory.resolve("pgbouncer.ini");
        Files.writeString(config, ini, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(executable(), config.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("stdout.log").toFile())
                .start();
        PgBouncerProcess bouncer = new PgBouncerProcess(process, directory, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!bouncer.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = bouncer.log();
                bouncer.close();
                throw new IllegalStateException("PgBouncer did not start: " + log);
            }
            Thread.sleep(20);
        }
        return bouncer;
    }

    private static String executable() {
        for (String candidate : List.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("PgBouncer is not installed: apt-get install -y pgbouncer (.ci/run does this)");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException ex) {
            return false;
        }
    }

    /**
     * The JDBC URL of the database through PgBouncer.
     *
     * @return the URL
     */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private String log() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("stdout.log", "pgbouncer.log")) {
            try {
                text.append(Files.readString(directory.resolve(name))).append('\n');
            } catch (IOException ex) {
                // not written yet
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
