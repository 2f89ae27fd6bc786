package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.testdb.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A secret password and a secret bound value appear in no log line of {@code io.databridge}, {@code org.postgresql} or
 * HikariCP at any level, in no exception, and in neither {@code /actuator/env} nor {@code /actuator/configprops} with
 * default settings; a password in the URL is refused; the password can come from a file or a provider bean, asked for
 * each new connection.
 */
class SecretsTest {

    private static final String SECRET_PASSWORD = "Vault-Pw-7f3a9c";
    private static final String SECRET_VALUE = "vault-value-91be2";

    private static final String[] LOGGERS = {
        "io.databridge", "org.postgresql", "com.zaxxer.hikari", "org.springframework"
    };

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Level> levels = new ArrayList<>();

    @TempDir
    Path secrets;

    private ApplicationContextRunner runner() {
        TestDatabase database = TestDatabase.get();
        return Runners.withoutEmbedded()
                .withPropertyValues(
                        "data-bridge.datasource.url=" + database.jdbcUrl(),
                        "data-bridge.datasource.username=" + database.username());
    }

    @BeforeEach
    void captureEverything() {
        appender.start();
        for (String name : LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.add(logger.getLevel());
            logger.setLevel(Level.TRACE);
            logger.setAdditive(false);
            logger.addAppender(appender);
        }
    }

    @AfterEach
    void restoreLogging() {
        for (int i = 0; i < LOGGERS.length; i++) {
            Logger logger = (Logger) LoggerFactory.getLogger(LOGGERS[i]);
            logger.detachAppender(appender);
            logger.setLevel(levels.get(i));
            logger.setAdditive(true);
        }
        appender.stop();
    }

    private List<String> logged() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
                line.append(" | ").append(proxy.getMessage());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<String> messages(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = thrown; t != null && messages.size() < 32; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
        return messages;
    }

    @Test
    void neitherTheSecretPasswordNorASecretValueAppearsInLogsExceptionsOrActuator() {
        runner().withPropertyValues(
                        "data-bridge.datasource.password=" + SECRET_PASSWORD,
                        "management.endpoints.web.exposure.include=env,configprops")
                .withConfiguration(AutoConfigurations.of(
                        EndpointAutoConfiguration.class,
                        EnvironmentEndpointAutoConfiguration.class,
                        ConfigurationPropertiesReportEndpointAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DataBridge db = context.getBean(DataBridge.class);
                    db.sql("CREATE TEMP TABLE vault (v text PRIMARY KEY)").update();
                    db.sql("INSERT INTO vault VALUES (:v)")
                            .param("v", SECRET_VALUE)
                            .update();
                    List<Throwable> failures = List.of(
                            catchThrowable(() -> db.sql("INSERT INTO vault VALUES (:v)")
                                    .param("v", SECRET_VALUE)
                                    .update()),
                            catchThrowable(() -> db.sql("SELECT CAST(:v AS uuid)")
                                    .param("v", SECRET_VALUE)
                                    .list(String.class)),
                            catchThrowable(() -> db.sql("SELECT CAST(:v AS integer)")
                                    .param("v", SECRET_VALUE)
                                    .list(Integer.class)));

                    JsonMapper json = JsonMapper.builder().build();
                    String env = json.writeValueAsString(
                            context.getBean(EnvironmentEndpoint.class).environment(null));
                    String configprops =
                            json.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class)
                                    .configurationProperties());

                    assertThat(failures)
                            .allSatisfy(failure -> assertThat(messages(failure))
                                    .noneMatch(message ->
                                            message.contains(SECRET_VALUE) || message.contains(SECRET_PASSWORD)));
                    assertThat(logged())
                            .isNotEmpty()
                            .noneMatch(line -> line.contains(SECRET_VALUE) || line.contains(SECRET_PASSWORD));
                    assertThat(env).contains("data-bridge.datasource.password").doesNotContain(SECRET_PASSWORD);
                    assertThat(configprops).contains("data-bridge").doesNotContain(SECRET_PASSWORD);
                    assertThat(context.getBean(DataBridgeProperties.class).toString())
                            .doesNotContain(SECRET_PASSWORD);
                });
    }

    @Test
    void aPasswordInTheUrlQueryIsRefusedWithoutRepeatingIt() {
        runner().withPropertyValues("data-bridge.datasource.url="
                        + TestDatabase.get().jdbcUrl() + "?ssl=false&password=" + SECRET_PASSWORD)
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    assertThat(messages(failure)).noneMatch(message -> message.contains(SECRET_PASSWORD));
                    assertThat(failure)
                            .rootCause()
                            .isInstanceOf(InvalidDataBridgePropertyException.class)
                            .hasMessage("data-bridge.datasource.url contains a password; the driver and the pool log"
                                    + " URLs at DEBUG, so remove it from the URL and set"
                                    + " data-bridge.datasource.password, or data-bridge.datasource.password-file for"
                                    + " a mounted secret, or define a DataBridgeCredentialsProvider bean");
                });
    }

    @Test
    void aPasswordInTheUrlUserInfoIsRefused() {
        runner().withPropertyValues(
                        "data-bridge.datasource.url=jdbc:postgresql://app:" + SECRET_PASSWORD + "@localhost:5432/app")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(InvalidDataBridgePropertyException.class)
                            .hasMessageStartingWith("data-bridge.datasource.url contains a password;");
                    assertThat(messages(context.getStartupFailure()))
                            .noneMatch(message -> message.contains(SECRET_PASSWORD));
                });
    }

    @Test
    void thePasswordFileIsReadAgainForEachNewConnection() throws IOException {
        Path file = secrets.resolve("db-password");
        Files.writeString(file, "first-" + SECRET_PASSWORD + "\n");
        runner().withPropertyValues("data-bridge.datasource.password-file=" + file)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getCredentialsProvider().getCredentials().getPassword())
                            .isEqualTo("first-" + SECRET_PASSWORD);

                    Files.writeString(file, "rotated-" + SECRET_PASSWORD);

                    assertThat(pool.getCredentialsProvider().getCredentials().getPassword())
                            .isEqualTo("rotated-" + SECRET_PASSWORD);
                    assertThat(context.getBean(DataBridge.class).sql("SELECT 1").one(Integer.class))
                            .isEqualTo(1);
                    assertThat(logged()).noneMatch(line -> line.contains(SECRET_PASSWORD));
                });
    }

    @Test
    void aPasswordFileThatCannotBeReadStopsStartupNamingTheFile() {
        Path missing = secrets.resolve("absent");
        runner().withPropertyValues("data-bridge.datasource.password-file=" + missing)
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .isInstanceOf(InvalidDataBridgePropertyException.class)
                        .hasMessage("data-bridge.datasource.password-file " + missing
                                + " cannot be read (NoSuchFileException); mount the secret there or fix the path"));
    }

    @Test
    void aCredentialsProviderBeanIsAskedForEachNewConnection() {
        // One connection, so that the only way to run the statement after the eviction is a new connection.
        runner().withPropertyValues("data-bridge.datasource.pool.maximum-size=1")
                .withUserConfiguration(CountingCredentials.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    CountingCredentials credentials = context.getBean(CountingCredentials.class);
                    DataBridge db = context.getBean(DataBridge.class);
                    assertThat(db.sql("SELECT 1").one(Integer.class)).isEqualTo(1);
                    int before = credentials.calls.get();
                    assertThat(before).isPositive();

                    pool.getHikariPoolMXBean().softEvictConnections();
                    assertThat(db.sql("SELECT 1").one(Integer.class)).isEqualTo(1);

                    assertThat(credentials.calls.get()).isGreaterThan(before);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class CountingCredentials {
        final AtomicInteger calls = new AtomicInteger();

        @Bean
        DataBridgeCredentialsProvider credentialsProvider() {
            return () -> {
                calls.incrementAndGet();
                return new DataBridgeCredentialsProvider.Credentials(
                        null, TestDatabase.get().password());
            };
        }
    }
}
