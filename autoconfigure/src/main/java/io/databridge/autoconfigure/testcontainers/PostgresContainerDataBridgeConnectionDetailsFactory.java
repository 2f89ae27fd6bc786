package io.databridge.autoconfigure.testcontainers;

import io.databridge.autoconfigure.DataBridgeConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * {@link DataBridgeConnectionDetails} for a {@code @ServiceConnection} {@link PostgreSQLContainer}: the pool connects to
 * the container, whatever {@code data-bridge.datasource.*} says.
 *
 * <pre>{@code
 * @Container @ServiceConnection
 * static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
 * }</pre>
 */
final class PostgresContainerDataBridgeConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<PostgreSQLContainer, DataBridgeConnectionDetails> {

    PostgresContainerDataBridgeConnectionDetailsFactory() {
        super(ANY_CONNECTION_NAME, "org.postgresql.Driver");
    }

    @Override
    protected DataBridgeConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<PostgreSQLContainer> source) {
        return new PostgresContainerConnectionDetails(source);
    }

    /** Reads the container's URL and credentials when the pool asks for them, after the container has started. */
    static final class PostgresContainerConnectionDetails extends ContainerConnectionDetails<PostgreSQLContainer>
            implements DataBridgeConnectionDetails {

        PostgresContainerConnectionDetails(ContainerConnectionSource<PostgreSQLContainer> source) {
            super(source);
        }

        @Override
        public String getJdbcUrl() {
            return getContainer().getJdbcUrl();
        }

        @Override
        public String getUsername() {
            return getContainer().getUsername();
        }

        @Override
        public String getPassword() {
            return getContainer().getPassword();
        }
    }
}
