package io.databridge.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.embedded.EmbeddedPostgresServer;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * data-bridge's {@link DataSource}, when the application has none: a HikariCP pool for {@code data-bridge.datasource.*}
 * (or a {@link DataBridgeConnectionDetails} bean), else, with {@code data-bridge-embedded} on the class path and no URL
 * configured anywhere, an embedded PostgreSQL. Runs before Spring Boot's {@link DataSourceAutoConfiguration}, which
 * backs off when this defines a pool; {@code spring.datasource.url} takes precedence over {@code data-bridge}'s URL.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({DataSource.class, HikariDataSource.class})
@EnableConfigurationProperties(DataBridgeProperties.class)
public final class DataBridgeDataSourceAutoConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(DataBridgeDataSourceAutoConfiguration.class);

    static final String EMBEDDED_ENABLED = "data-bridge.embedded.enabled";

    /** Set by Spring Boot's test bootstrapper in the environment of every {@code @SpringBootTest} context. */
    static final String SPRING_BOOT_TEST = "org.springframework.boot.test.context.SpringBootTestContextBootstrapper";

    /**
     * A packaged application (java -jar) with data-bridge-embedded on its class path and no URL is most likely a
     * production build that forgot its database: starting a throwaway PostgreSQL there would lose data silently.
     */
    static InvalidDataBridgePropertyException refusedInPackagedApplication() {
        return new InvalidDataBridgePropertyException(
                EMBEDDED_ENABLED,
                "this packaged application (java -jar) has data-bridge-embedded on its class path and no database URL;"
                        + " data-bridge starts an embedded PostgreSQL, whose data is discarded on shutdown, in a"
                        + " packaged application only when data-bridge.embedded.enabled=true is set explicitly.",
                "Embedded PostgreSQL refused",
                "Set data-bridge.datasource.url (and its username and password) to the application's database. Keep"
                        + " data-bridge-embedded out of the production jar (a development-only profile or dependency,"
                        + " see docs/getting-started.md), or set data-bridge.embedded.enabled=true to start it anyway.");
    }

    /** The pool for {@code data-bridge.datasource.url} or a {@link DataBridgeConnectionDetails} bean. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(DataSource.class)
    @Conditional(PoolConfiguration.ConnectionConfigured.class)
    static class PoolConfiguration {

        @Bean
        HikariDataSource dataSource(
                DataBridgeProperties properties,
                ObjectProvider<DataBridgeConnectionDetails> connectionDetails,
                ObjectProvider<DataBridgeCredentialsProvider> credentialsProvider,
                Environment environment) {
            DataBridgeConnectionDetails details =
                    connectionDetails.getIfAvailable(() -> new PropertiesDataBridgeConnectionDetails(properties));
            String url = details.getJdbcUrl();
            // The password file belongs to the properties; a connection-details bean brings its own password.
            PoolCredentials credentials = PoolCredentials.of(
                    url,
                    details.getUsername(),
                    details.getPassword(),
                    details instanceof PropertiesDataBridgeConnectionDetails
                            ? properties.getDatasource().getPasswordFile()
                            : null,
                    credentialsProvider.getIfUnique());
            return DataBridgePools.create(url, credentials, properties, environment);
        }

        static final class ConnectionConfigured extends AnyNestedCondition {

            ConnectionConfigured() {
                super(ConfigurationPhase.REGISTER_BEAN);
            }

            @Conditional(DatabaseUrlConditions.OnDataBridgeUrl.class)
            static class UrlProperty {}

            @ConditionalOnBean(DataBridgeConnectionDetails.class)
            static class ConnectionDetailsBean {}
        }
    }

    /** An embedded PostgreSQL for development, when nothing says where the database is. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.databridge.embedded.EmbeddedPostgresServer")
    @ConditionalOnBooleanProperty(name = "data-bridge.embedded.enabled", matchIfMissing = true)
    @ConditionalOnMissingBean({DataSource.class, DataBridgeConnectionDetails.class, JdbcConnectionDetails.class})
    @Conditional(DatabaseUrlConditions.OnNoUrl.class)
    static class EmbeddedConfiguration {

        /**
         * The server; stopped with the context ({@link #dataBridgeEmbeddedPostgresShutdown}) except under devtools,
         * whose restarts it survives.
         */
        @Bean(destroyMethod = "")
        EmbeddedPostgresServer dataBridgeEmbeddedPostgres(
                Environment environment, DataBridgeProperties properties, ResourceLoader resourceLoader) {
            if (PackagedApplication.isPackaged()
                    && !"true"
                            .equalsIgnoreCase(environment
                                    .getProperty(EMBEDDED_ENABLED, "")
                                    .trim())) {
                throw refusedInPackagedApplication();
            }
            Path dataDirectory = properties.getEmbedded().getDataDirectory();
            boolean survivesRestarts = EmbeddedServers.restartable(resourceLoader.getClassLoader());
            // In a Spring Boot test, the JVM's shared server: the one the test database's fallback uses too.
            boolean inTest = dataDirectory == null && environment.containsProperty(SPRING_BOOT_TEST);
            EmbeddedPostgresServer server = inTest
                    ? EmbeddedPostgresServer.shared()
                    : survivesRestarts
                            ? EmbeddedServers.surviving(dataDirectory)
                            : EmbeddedPostgresServer.start(dataDirectory);
            logger.info(
                    "data-bridge {} an embedded PostgreSQL for this application at {} (user {}); {}{} Set"
                            + " data-bridge.datasource.url to use your own server, or data-bridge.embedded.enabled=false"
                            + " to turn this off.",
                    survivesRestarts || inTest ? "uses" : "started",
                    server.jdbcUrl(),
                    EmbeddedPostgresServer.USERNAME,
                    dataDirectory == null
                            ? "its data is discarded on shutdown"
                            : "its data is kept in " + dataDirectory,
                    survivesRestarts ? "; it survives devtools restarts and stops with the JVM." : ".");
            return server;
        }

        @Bean
        DisposableBean dataBridgeEmbeddedPostgresShutdown(EmbeddedPostgresServer dataBridgeEmbeddedPostgres) {
            return () -> {
                if (!EmbeddedServers.isSurvivor(dataBridgeEmbeddedPostgres)) {
                    dataBridgeEmbeddedPostgres.close();
                }
            };
        }

        @Bean
        @DependsOn("dataBridgeEmbeddedPostgresShutdown") // the pool closes before the server stops
        HikariDataSource dataSource(
                EmbeddedPostgresServer dataBridgeEmbeddedPostgres,
                DataBridgeProperties properties,
                Environment environment) {
            String url = dataBridgeEmbeddedPostgres.jdbcUrl();
            return DataBridgePools.create(
                    url, PoolCredentials.of(url, EmbeddedPostgresServer.USERNAME, null), properties, environment);
        }
    }
}
