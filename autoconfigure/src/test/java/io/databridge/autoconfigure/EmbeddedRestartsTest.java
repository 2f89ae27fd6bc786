package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.embedded.EmbeddedPostgresServer;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.devtools.restart.classloader.RestartClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The embedded PostgreSQL across restarts: of the JVM's contexts under devtools, and of the application. */
class EmbeddedRestartsTest {

    @Test
    void dataDirectoryKeepsDataAcrossApplicationRestarts() throws Exception {
        Path directory = Files.createTempDirectory("data-bridge-embedded").resolve("data");
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(Runners.ALL)
                .withPropertyValues("data-bridge.embedded.data-directory=" + directory);
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            DataBridge db = context.getBean(DataBridge.class);
            db.sql("CREATE TABLE kept (id int PRIMARY KEY)").update();
            db.sql("INSERT INTO kept VALUES (7)").update();
        });
        runner.run(context -> assertThat(context.getBean(DataBridge.class)
                        .sql("SELECT id FROM kept")
                        .one(Integer.class))
                .isEqualTo(7));
    }

    @Test
    void theServerSurvivesDevtoolsRestarts() throws Exception {
        ClassLoader restart = new RestartClassLoader(getClass().getClassLoader(), new URL[0]);
        ApplicationContextRunner runner =
                new ApplicationContextRunner().withConfiguration(Runners.ALL).withClassLoader(restart);
        EmbeddedPostgresServer[] servers = new EmbeddedPostgresServer[2];
        try {
            runner.run(context -> {
                servers[0] = context.getBean(EmbeddedPostgresServer.class);
                context.getBean(DataBridge.class)
                        .sql("CREATE TABLE survived (id int)")
                        .update();
            });
            assertThat(answers(servers[0].jdbcUrl()))
                    .as("running after the context closed")
                    .isTrue();
            runner.run(context -> {
                servers[1] = context.getBean(EmbeddedPostgresServer.class);
                assertThat(context.getBean(DataBridge.class)
                                .sql("SELECT count(*) FROM survived")
                                .one(Long.class))
                        .isZero();
            });
            assertThat(servers[1]).isSameAs(servers[0]);
        } finally {
            EmbeddedServers.stopSurvivor();
        }
        assertThat(answers(servers[0].jdbcUrl())).isFalse();
    }

    @Test
    void aSpringBootTestUsesTheJvmsSharedServer() {
        EmbeddedPostgresServer[] server = new EmbeddedPostgresServer[1];
        new ApplicationContextRunner()
                .withConfiguration(Runners.ALL)
                .withPropertyValues(DataBridgeDataSourceAutoConfiguration.SPRING_BOOT_TEST + "=true")
                .run(context -> server[0] = context.getBean(EmbeddedPostgresServer.class));
        assertThat(server[0]).isSameAs(EmbeddedPostgresServer.shared());
        assertThat(answers(server[0].jdbcUrl()))
                .as("running after the context closed")
                .isTrue();
    }

    private static boolean answers(String url) {
        try (var connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USERNAME, "")) {
            return connection.isValid(2);
        } catch (SQLException ex) {
            return false;
        }
    }
}
