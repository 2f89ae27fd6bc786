package io.databridge.autoconfigure;

import io.databridge.transaction.ReplicaRoutingDataSource;
import io.databridge.transaction.ReplicaStatus;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One replica's health, as the routing data source's last lag check (and its read path) found it: {@code UP} in
 * rotation, {@code DOWN} unreachable or promoted, {@code OUT_OF_ROTATION} lagging past the bound; with the lag in
 * bytes and milliseconds when known. Asks no server itself, so the health endpoint stays cheap. Thread-safe.
 */
final class DataBridgeReplicaHealthIndicator implements HealthIndicator {

    /** A replica that is reachable but too far behind to take reads. */
    static final Status OUT_OF_ROTATION = new Status("OUT_OF_ROTATION");

    private final ReplicaRoutingDataSource routing;
    private final int index;

    DataBridgeReplicaHealthIndicator(ReplicaRoutingDataSource routing, int index) {
        this.routing = routing;
        this.index = index;
    }

    @Override
    public Health health() {
        ReplicaStatus status = routing.replicaStatuses().get(index);
        Health.Builder builder = switch (status.state()) {
            case UP -> Health.up();
            case DOWN -> Health.down();
            case OUT_OF_ROTATION -> Health.status(OUT_OF_ROTATION);
        };
        if (status.lagBytes() >= 0) {
            builder.withDetail("lagBytes", status.lagBytes());
        }
        Duration lag = status.lag();
        if (lag != null) {
            builder.withDetail("lagMillis", lag.toMillis());
        }
        String detail = status.detail();
        if (detail != null) {
            builder.withDetail("reason", detail);
        }
        return builder.build();
    }
}
