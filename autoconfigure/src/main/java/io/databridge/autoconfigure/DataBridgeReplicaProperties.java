package io.databridge.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Read replicas of the primary ({@code data-bridge.replicas[n].*}) and how reads wait for them ({@code
 * data-bridge.read-your-writes.*}). See docs/scaling.md.
 */
@ConfigurationProperties("data-bridge")
public class DataBridgeReplicaProperties {

    /**
     * Streaming replicas of the primary: read-only transactions (@Transactional(readOnly = true)) run on them,
     * each with a pool of its own sized like the primary's.
     */
    private List<Replica> replicas = new ArrayList<>();

    private final ReadYourWrites readYourWrites = new ReadYourWrites();

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

    /** One replica's connection. */
    public static class Replica {

        /** JDBC URL of the replica, e.g. jdbc:postgresql://replica-1:5432/app. */
        private @Nullable String url;

        /** Login user of the replica; the primary's when not set. */
        private @Nullable String username;

        /** Login password of the replica; the primary's when not set. Never logged. */
        private @Nullable String password;

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
            return "[url=" + (url == null ? null : JdbcUrls.withoutCredentials(url)) + ", username=" + username
                    + ", password=" + (password == null ? null : "******") + "]";
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
}
