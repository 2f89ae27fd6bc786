/**
 * Spring Boot auto-configuration for data-bridge: the connection pool (or an embedded PostgreSQL for development),
 * the shared exception translator, the transaction manager, the {@link io.databridge.DataBridge} bean, repositories,
 * and failure analysis of startup problems. Every bean backs off when the application defines one of its type.
 */
@NullMarked
package io.databridge.autoconfigure;

import org.jspecify.annotations.NullMarked;
