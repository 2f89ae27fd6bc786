package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databridge.DataBridge;
import io.databridge.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A server frozen with SIGSTOP (postmaster and backends) under data-bridge's pool with a 1 s connection timeout: the
 * call fails with a sanitized resource failure that says the database is not responding, and once the server resumes,
 * the pool serves again. The time to fail is logged, not asserted.
 */
class FrozenServerTest {

    private static final Logger logger = LoggerFactory.getLogger(FrozenServerTest.class);

    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static List<String> serverProcesses(DataBridge db) throws IOException, InterruptedException {
        String dataDirectory =
                db.sql("SELECT current_setting('data_directory')").one(String.class);
        String postmaster = Files.readAllLines(Path.of(dataDirectory, "postmaster.pid"))
                .get(0)
                .trim();
        List<String> pids = new ArrayList<>(List.of(postmaster));
        Process children = new ProcessBuilder("pgrep", "-P", postmaster).start();
        pids.addAll(new String(children.getInputStream().readAllBytes()).lines().toList());
        children.waitFor(10, TimeUnit.SECONDS);
        return pids;
    }

    private static void signal(String signal, List<String> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        command.addAll(pids);
        new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void aFrozenServerFailsTheCallWithinTheConnectionTimeoutAndThePoolRecovers() {
        Runners.withoutEmbedded()
                .withPropertyValues(
                        "data-bridge.datasource.url=" + server.jdbcUrl(),
                        "data-bridge.datasource.username=" + EmbeddedPostgresServer.USERNAME,
                        "data-bridge.datasource.pool.maximum-size=2",
                        "data-bridge.datasource.pool.connection-timeout=1s")
                .run(context -> {
                    DataBridge db = context.getBean(DataBridge.class);
                    assertThat(db.sql("SELECT 1").one(Integer.class)).isEqualTo(1);
                    List<String> pids = serverProcesses(db);
                    // Past HikariCP's 500 ms window in which a recently used connection is handed out unvalidated.
                    Thread.sleep(700);
                    signal("STOP", pids);
                    Throwable thrown;
                    long started = System.nanoTime();
                    try {
                        thrown = catchThrowable(() -> db.sql("SELECT 1").one(Integer.class));
                    } finally {
                        signal("CONT", pids);
                    }
                    logger.info(
                            "A frozen server failed the call after {} ms with: {}",
                            (System.nanoTime() - started) / 1_000_000,
                            String.valueOf(thrown));

                    assertThat(thrown).isInstanceOf(DataAccessResourceFailureException.class);
                    assertThat(thrown.getCause()).isNull();
                    assertThat(thrown.getMessage()).startsWith("Connection failure: ");
                    assertThat(db.sql("SELECT 2").one(Integer.class)).isEqualTo(2);
                });
    }
}
