package io.databridge.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where data-bridge's pool connects. By default taken from {@code data-bridge.datasource.*}; a bean of this type
 * replaces those properties, as Spring Boot's service connections do: Testcontainers' {@code @ServiceConnection} on a
 * {@code PostgreSQLContainer}, the {@code @DataBridgeTest} slice, or an application's own bean.
 */
public interface DataBridgeConnectionDetails extends ConnectionDetails {

    /**
     * The JDBC URL.
     *
     * @return a {@code jdbc:postgresql:} URL
     */
    String getJdbcUrl();

    /**
     * The user name.
     *
     * @return the user name, or {@code null} for the driver's default
     */
    @Nullable
    String getUsername();

    /**
     * The password.
     *
     * @return the password, or {@code null} when none is needed
     */
    @Nullable
    String getPassword();
}
