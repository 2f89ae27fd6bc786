package io.databridge.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Read replicas of the primary ({@code data-bridge.replicas[n].*}), how reads wait for them ({@code
 * data-bridge.read-your-writes.*}), and when one lags too far behind to take reads ({@code data-bridge.replica-lag.*}).
 * See docs/scaling.md.
 */
@ConfigurationProperties("data-bridge")
public class DataBridgeReplicaProperties {

    /**
     * Streaming replicas of the primary: read-only transactions (@Transactional(readOnly = true)) and reads outside
     * transactions run on them, each replica with a pool of its own sized like the primary's.
     */
    private List<Replica> replicas = new ArrayList<>();

    private final ReadYourWrites readYourWrites = new ReadYourWrites();

    private final ReplicaLag replicaLag = new ReplicaLag();

    /**
     * The replicas.
     *
     * @return the replicas, in configuration order
     */
    public List<Replica> getReplicas() {
        return replicas;
    }

    /**
     * Sets the replicas.
     *
     * @param replicas the replicas
     */
    public void setReplicas(List<Replica> replicas) {
        this.replicas = replicas;
    }

    /**
     * The read-your-writes settings.
     *
     * @return the settings
     */
    public ReadYourWrites getReadYourWrites() {
        return readYourWrites;
    }

    /**
     * The replica lag settings.
     *
     * @return the settings
     */
    public ReplicaLag getReplicaLag() {
        return replicaLag;
    }

    /** One replica's connection. */
    public static class Replica {

        /**
         * Name of the replica in the route tag of statement metrics (replica-NAME), its lag gauges, its health
         * component and its pool (data-bridge-replica-NAME): letters, digits, '-' and '_'. Its index in the list
         * when not set.
         */
        private @Nullable String name;

        /** JDBC URL of the replica, e.g. jdbc:postgresql://replica-1:5432/app. */
        private @Nullable String url;

        /** Login user of the replica; the primary's when not set. */
        private @Nullable String username;

        /** Login password of the replica; the primary's when not set. Never logged. */
        private @Nullable String password;

        /**
         * The name.
         *
         * @return the name, or {@code null} for the index
         */
        public @Nullable String getName() {
            return name;
        }

        /**
         * Sets the name.
         *
         * @param name the name
         */
        public void setName(@Nullable String name) {
            this.name = name;
        }

        /**
         * The JDBC URL.
         *
         * @return the URL, or {@code null}
         */
        public @Nullable String getUrl() {
            return url;
        }

        /**
         * Sets the JDBC URL.
         *
         * @param url the URL
         */
        public void setUrl(@Nullable String url) {
            this.url = url;
        }

        /**
         * The user name.
         *
         * @return the user name, or {@code null}
         */
        public @Nullable String getUsername() {
            return username;
        }

        /**
         * Sets the user name.
         *
         * @param username the user name
         */
        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        /**
         * The password.
         *
         * @return the password, or {@code null}
         */
        public @Nullable String getPassword() {
            return password;
        }

        /**
         * Sets the password.
         *
         * @param password the password
         */
        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        @Override
        public String toString() {
            return "[name=" + name + ", url=" + (url == null ? null : JdbcUrls.withoutCredentials(url)) + ", username="
                    + username + ", password=" + (password == null ? null : "******") + "]";
        }
    }

    /** How a read on a replica waits for the thread's own last write. */
    public static class ReadYourWrites {

        /**
         * How long a read-only transaction waits for a replica to replay the thread's last committed write before it
         * tries the next replica and then the primary. 0: never wait, read from the primary at once.
         */
        private Duration maxWait = Duration.ofMillis(100);

        /** How long a replica found unreachable or promoted stays out of rotation before it is tried again. */
        private Duration recheckAfter = Duration.ofSeconds(5);

        /**
         * The wait bound.
         *
         * @return the bound
         */
        public Duration getMaxWait() {
            return maxWait;
        }

        /**
         * Sets the wait bound.
         *
         * @param maxWait the bound
         */
        public void setMaxWait(Duration maxWait) {
            this.maxWait = maxWait;
        }

        /**
         * How long a failed replica stays out.
         *
         * @return the duration
         */
        public Duration getRecheckAfter() {
            return recheckAfter;
        }

        /**
         * Sets how long a failed replica stays out.
         *
         * @param recheckAfter the duration
         */
        public void setRecheckAfter(Duration recheckAfter) {
            this.recheckAfter = recheckAfter;
        }
    }

    /** When a replica is too far behind the primary to take reads, and how often that is checked. */
    public static class ReplicaLag {

        /**
         * A replica more than this much time behind the primary (how long it has been short of a WAL position the
         * primary had reached, measured by the lag check to its interval) is taken out of rotation until it catches
         * up. 0: no time bound.
         */
        private Duration maxTime = Duration.ofSeconds(10);

        /**
         * A replica more than this much WAL behind the primary is taken out of rotation until it catches up, e.g.
         * 64MB. Not set: no byte bound.
         */
        private @Nullable DataSize maxBytes;

        /**
         * How often a background check asks the primary and each replica for the replicas' lag (one small query on
         * each). 0: no check, so no replica leaves the rotation for lag and the lag gauges have no value.
         */
        private Duration checkInterval = Duration.ofSeconds(2);

        /**
         * The time bound.
         *
         * @return the bound
         */
        public Duration getMaxTime() {
            return maxTime;
        }

        /**
         * Sets the time bound.
         *
         * @param maxTime the bound
         */
        public void setMaxTime(Duration maxTime) {
            this.maxTime = maxTime;
        }

        /**
         * The byte bound.
         *
         * @return the bound, or {@code null} for none
         */
        public @Nullable DataSize getMaxBytes() {
            return maxBytes;
        }

        /**
         * Sets the byte bound.
         *
         * @param maxBytes the bound
         */
        public void setMaxBytes(@Nullable DataSize maxBytes) {
            this.maxBytes = maxBytes;
        }

        /**
         * The check interval.
         *
         * @return the interval
         */
        public Duration getCheckInterval() {
            return checkInterval;
        }

        /**
         * Sets the check interval.
         *
         * @param checkInterval the interval
         */
        public void setCheckInterval(Duration checkInterval) {
            this.checkInterval = checkInterval;
        }
    }
}
