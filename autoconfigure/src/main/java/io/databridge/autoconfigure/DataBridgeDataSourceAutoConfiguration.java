package io.databridge.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.embedded.EmbeddedPostgresServer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.core.env.Environment;

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

        @Bean(destroyMethod = "close")
        EmbeddedPostgresServer dataBridgeEmbeddedPostgres() {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
            logger.info(
                    "data-bridge started an embedded PostgreSQL for this application at {} (user {}); its data is"
                            + " discarded on shutdown. Set data-bridge.datasource.url to use your own server, or"
                            + " data-bridge.embedded.enabled=false to turn this off.",
                    server.jdbcUrl(),
                    EmbeddedPostgresServer.USERNAME);
            return server;
        }

        @Bean
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
