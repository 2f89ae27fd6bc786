package io.databridge.migration;

import io.databridge.audit.AuditTrail;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.internal.jdbc.ConnectionCallback;
import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.jdbc.StatementObserver;
import io.databridge.observation.StatementObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.dao.DataAccessException;

/**
 * Applies versioned SQL scripts to the database, Flyway-style: {@code V1__create_users.sql}, {@code
 * V2__add_email_index.sql}, ... from {@code classpath:db/migration} (by default), in version order.
 *
 * <ul>
 *   <li>Each script runs in its own transaction together with its row in {@value #HISTORY_TABLE} (in the connection's
 *       current schema): a script that fails leaves nothing behind, neither its changes nor its row.
 *   <li>Every transaction of a run holds a transaction-level PostgreSQL advisory lock for the schema and reads the
 *       history afresh, so instances starting together apply each script once; the others wait, then find it applied.
 *       No lock or setting outlives a transaction, so migrations also run through PgBouncer in transaction mode.
 *   <li>Before anything runs, the applied scripts are validated: a script changed since it was applied (its checksum),
 *       an applied script that is gone, or a new script with a version below an applied one stops the run with a
 *       {@link MigrationException} naming them.
 *   <li>{@code U<version>__<description>.sql} undoes a version: {@link #rollback(String)}.
 *   <li>With no scripts in the locations nothing is done and no table is created.
 * </ul>
 *
 * Scripts run as they are (several statements per script are fine; {@code CREATE INDEX CONCURRENTLY} and other
 * statements that cannot run in a transaction are not). Thread-safe; every call borrows its own connection.
 */
public final class Migrations {

    /** The history table. */
    public static final String HISTORY_TABLE = "data_bridge_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String LOCK =
            "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '." + HISTORY_TABLE + "'))";
    private static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE
            + " (installed_rank integer PRIMARY KEY, version text NOT NULL UNIQUE, description text NOT NULL,"
            + " type text NOT NULL, script text NOT NULL, checksum integer, installed_by text NOT NULL DEFAULT"
            + " current_user, installed_on timestamptz NOT NULL DEFAULT now(), execution_time integer NOT NULL)";
    private static final String SELECT_HISTORY =
            "SELECT version, description, type, script, checksum, installed_on, execution_time FROM " + HISTORY_TABLE
                    + " ORDER BY installed_rank";
    private static final String INSERT_HISTORY = "INSERT INTO " + HISTORY_TABLE
            + " (installed_rank, version, description, type, script, checksum, execution_time)"
            + " SELECT coalesce(max(installed_rank), 0) + 1, ?, ?, ?, ?, ?, ? FROM " + HISTORY_TABLE;
    private static final String DELETE_HISTORY = "DELETE FROM " + HISTORY_TABLE + " WHERE version = ?";
    private static final String HISTORY_EXISTS = "SELECT to_regclass(?) IS NOT NULL";
    private static final String BASELINE = "BASELINE";

    /** The task of the statements on the history table. */
    private static final String HISTORY_TASK = "migrate history";

    private final DataSource dataSource;
    private final List<String> locations;
    private final ResourcePatternResolver resolver;
    private final PgExceptionTranslator translator;
    private final AuditTrail audit;
    private final boolean locationsRequired;

    /** Observes and logs every statement, on the connection a run holds for its lock. */
    private final JdbcExecutor executor;

    private Migrations(Builder builder) {
        this.dataSource = builder.dataSource;
        this.locations = List.copyOf(builder.locations);
        this.resolver = new PathMatchingResourcePatternResolver(builder.classLoader);
        // A failure whose message had values stripped is a security event on the audit trail.
        this.translator = builder.audit == AuditTrail.off()
                ? builder.translator
                : builder.translator.reportingRedactionsTo(builder.audit::sanitizedError);
        this.audit = builder.audit;
        this.locationsRequired = builder.locationsRequired;
        this.executor = new JdbcExecutor(
                dataSource,
                translator,
                new StatementObserver(builder.observationRegistry, builder.observationConvention, null, audit));
    }

    /**
     * Starts configuring migrations of a data source.
     *
     * @param dataSource where the scripts run
     * @return a builder with the defaults: {@code classpath:db/migration}, sanitized errors
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Validates the applied scripts, then applies the pending ones in version order.
     *
     * @return the migrations applied by this call, in order; empty when the database was up to date
     * @throws MigrationException when validation fails or a script fails (that script was rolled back; the ones
     *     before it stay applied)
     */
    public List<MigrationInfo> migrate() {
        MigrationScript.Found found = scripts();
        if (found.up().isEmpty()) {
            LOG.info("No migration scripts in {}: nothing to migrate", locations);
            return List.of();
        }
        List<MigrationInfo> applied = new ArrayList<>();
        while (true) {
            // One transaction per script, each taking the lock and reading the history afresh: another instance may
            // have applied scripts in between, and no lock or setting outlives a transaction (PgBouncer-safe).
            MigrationStep step = locked(connection -> {
                createHistory(connection);
                List<MigrationInfo> status = status(found, history(connection));
                fail(status);
                List<MigrationScript> pending = new ArrayList<>();
                for (MigrationScript script : found.up()) {
                    MigrationInfo info = find(status, script.version());
                    if (info != null && info.state() == MigrationState.PENDING) {
                        refuseTransactionControl(script);
                        pending.add(script);
                    }
                }
                if (!pending.isEmpty()) {
                    MigrationScript next = pending.get(0);
                    return new MigrationStep(
                            run(connection, next, false, found.undo().containsKey(next.version())), 0);
                }
                return new MigrationStep(null, countApplied(status));
            });
            MigrationInfo done = step.applied();
            if (done == null) {
                if (applied.isEmpty()) {
                    LOG.info("Schema is up to date ({} migrations applied)", step.appliedCount());
                } else {
                    LOG.info(
                            "Applied {} migrations, now at version {}",
                            applied.size(),
                            applied.get(applied.size() - 1).version());
                }
                return applied;
            }
            applied.add(done);
        }
    }

    /** What one locked transaction of {@link #migrate()} did: the script it applied, or none and the applied count. */
    private record MigrationStep(@Nullable MigrationInfo applied, long appliedCount) {}

    /**
     * Checks the applied scripts against the locations without changing anything.
     *
     * @throws MigrationException naming each script that changed since it was applied, is gone, or is new with a
     *     version below an applied one
     */
    public void validate() {
        fail(status());
    }

    /**
     * Every migration, applied or found, in version order.
     *
     * @return the migrations and their state
     */
    public List<MigrationInfo> status() {
        MigrationScript.Found found = scripts();
        return withConnection(connection -> status(found, historyIfExists(connection)));
    }

    /**
     * Undoes the applied migrations above {@code version}, highest first, each with its {@code U} script in its own
     * transaction together with the removal of its history row.
     *
     * @param version the version to return to; {@code 0} undoes everything
     * @return the migrations undone, in the order they were undone
     * @throws MigrationException before anything runs when an applied version above the target has no undo script, or
     *     the target is below the baseline; when an undo script fails (it was rolled back; the ones before it stay
     *     undone)
     */
    public List<MigrationInfo> rollback(String version) {
        MigrationVersion target = MigrationVersion.parse(version);
        MigrationScript.Found found = scripts();
        List<MigrationScript> plan = locked(connection -> {
            createHistory(connection);
            List<MigrationInfo> status = status(found, history(connection));
            List<MigrationScript> undo = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (int i = status.size() - 1; i >= 0; i--) {
                MigrationInfo info = status.get(i);
                if (info.version().compareTo(target) <= 0) {
                    continue;
                }
                if (info.state() == MigrationState.BASELINE) {
                    throw new MigrationException(
                            "Cannot roll back to version " + target + ": the history starts" + " with the baseline "
                                    + info.version() + "; roll back to it or above",
                            null);
                }
                if (info.state() != MigrationState.PENDING && info.state() != MigrationState.OUT_OF_ORDER) {
                    MigrationScript script = found.undo().get(info.version());
                    if (script == null) {
                        missing.add(info.version().toString());
                    } else {
                        undo.add(script);
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new MigrationException(
                        "Cannot roll back to version " + target + ": no undo script for version"
                                + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " in " + locations
                                + "; add U<version>__<description>.sql",
                        null);
            }
            undo.forEach(Migrations::refuseTransactionControl);
            return undo;
        });
        List<MigrationInfo> undone = new ArrayList<>();
        for (MigrationScript script : plan) {
            MigrationInfo info = locked(connection -> {
                boolean stillApplied = history(connection).stream()
                        .anyMatch(row -> row.version().equals(script.version()));
                return stillApplied ? run(connection, script, true, true) : null;
            });
            if (info != null) {
                undone.add(info);
            }
        }
        LOG.info("Rolled back {} migrations to version {}", undone.size(), target);
        return undone;
    }

    /**
     * Records {@code version} as applied without running anything, for a database whose schema already matches the
     * scripts up to it: scripts up to that version are then skipped.
     *
     * @param version the version the existing schema is at
     * @throws MigrationException when the history is not empty
     */
    public void baseline(String version) {
        MigrationVersion baseline = MigrationVersion.parse(version);
        locked(connection -> {
            createHistory(connection);
            if (!history(connection).isEmpty()) {
                throw new MigrationException(
                        "Cannot baseline at " + baseline + ": " + HISTORY_TABLE + " already has migrations", null);
            }
            executor.onConnection(connection, "migrate baseline", INSERT_HISTORY, c -> {
                try (PreparedStatement insert = c.prepareStatement(INSERT_HISTORY)) {
                    insert.setString(1, baseline.toString());
                    insert.setString(2, "<< baseline >>");
                    insert.setString(3, BASELINE);
                    insert.setString(4, "<< baseline >>");
                    insert.setNull(5, Types.INTEGER);
                    insert.setInt(6, 0);
                    return insert.executeUpdate();
                }
            });
            LOG.info("Baselined the schema at version {}", baseline);
            return null;
        });
    }

    private MigrationScript.Found scripts() {
        return MigrationScript.load(resolver, locations, locationsRequired);
    }

    private MigrationInfo run(Connection connection, MigrationScript script, boolean undo, boolean undoable) {
        long started = System.nanoTime();
        // The task names the script, in the observation, the SQL log, and the log and message of a failure. The
        // script's text is not logged: a data migration may hold values.
        String task = (undo ? "undo " : "migrate ") + script.name();
        try {
            executor.onConnection(connection, task, "-- " + script.name(), c -> {
                try (Statement statement = c.createStatement()) {
                    return statement.execute(script.sql());
                }
            });
            int millis = (int) ((System.nanoTime() - started) / 1_000_000);
            if (undo) {
                executor.onConnection(connection, task, DELETE_HISTORY, c -> {
                    try (PreparedStatement delete = c.prepareStatement(DELETE_HISTORY)) {
                        delete.setString(1, script.version().toString());
                        return delete.executeUpdate();
                    }
                });
            } else {
                executor.onConnection(connection, task, INSERT_HISTORY, c -> {
                    try (PreparedStatement insert = c.prepareStatement(INSERT_HISTORY)) {
                        insert.setString(1, script.version().toString());
                        insert.setString(2, script.description());
                        insert.setString(3, "SQL");
                        insert.setString(4, script.name());
                        insert.setInt(5, script.checksum());
                        insert.setInt(6, millis);
                        return insert.executeUpdate();
                    }
                });
            }
            LOG.info("{} {} ({} ms)", undo ? "Undid" : "Applied", script.name(), millis);
            audit.migration(script.name(), undo ? "undone" : "applied", millis, null);
            return new MigrationInfo(
                    script.version(),
                    script.description(),
                    script.name(),
                    undo ? MigrationState.PENDING : MigrationState.APPLIED,
                    undo ? null : Instant.now(),
                    millis,
                    undoable);
        } catch (DataAccessException translated) {
            audit.migration(script.name(), "failed", (System.nanoTime() - started) / 1_000_000, translated);
            throw new MigrationException(
                    "Migration " + script.name() + " failed and was rolled back: " + translated.getMessage()
                            + "; fix the script and run the migrations again",
                    translated);
        }
    }

    /**
     * Refuses, before anything runs, a script that would commit part of itself: it runs in one transaction with its
     * history row.
     */
    private static void refuseTransactionControl(MigrationScript script) {
        TransactionControl.Found found = TransactionControl.find(script.sql());
        if (found != null) {
            throw new MigrationException(
                    "Migration " + script.name() + " contains " + found.statement() + " (line " + found.line()
                            + "): each script runs in one transaction that data-bridge commits with its history row,"
                            + " and a transaction-control statement would commit part of it, leaving it half applied"
                            + " if a later statement failed; remove it, or split the script into two versions."
                            + " Nothing was run",
                    null);
        }
    }

    /**
     * Rolls back after a script failed, keeping that failure: when the connection was lost with the script (the server
     * ended it, the network went), the server has rolled the transaction back, and the rollback's own failure would
     * only hide which script failed.
     */
    private static void rollbackAfterFailure(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ex) {
            LOG.debug("Rollback after a failed migration failed too; the server rolls back with the connection", ex);
        }
    }

    private static List<MigrationInfo> status(MigrationScript.Found found, List<HistoryRow> history) {
        Map<MigrationVersion, MigrationScript> scripts = new TreeMap<>();
        found.up().forEach(script -> scripts.put(script.version(), script));
        Map<MigrationVersion, HistoryRow> rows = new TreeMap<>();
        MigrationVersion baseline = null;
        MigrationVersion highest = null;
        for (HistoryRow row : history) {
            rows.put(row.version(), row);
            if (row.type().equals(BASELINE)) {
                baseline = row.version();
            }
            if (highest == null || row.version().compareTo(highest) > 0) {
                highest = row.version();
            }
        }
        TreeSet<MigrationVersion> versions = new TreeSet<>(scripts.keySet());
        versions.addAll(rows.keySet());
        List<MigrationInfo> status = new ArrayList<>();
        for (MigrationVersion version : versions) {
            MigrationScript script = scripts.get(version);
            HistoryRow row = rows.get(version);
            boolean undoable = found.undo().containsKey(version);
            if (row == null) {
                if (script == null || (baseline != null && version.compareTo(baseline) <= 0)) {
                    continue;
                }
                MigrationState state = highest != null && version.compareTo(highest) < 0
                        ? MigrationState.OUT_OF_ORDER
                        : MigrationState.PENDING;
                status.add(
                        new MigrationInfo(version, script.description(), script.name(), state, null, null, undoable));
                continue;
            }
            MigrationState state;
            if (row.type().equals(BASELINE)) {
                state = MigrationState.BASELINE;
            } else if (script == null) {
                state = MigrationState.MISSING;
            } else if (!Objects.equals(row.checksum(), script.checksum())) {
                state = MigrationState.CHANGED;
            } else {
                state = MigrationState.APPLIED;
            }
            status.add(new MigrationInfo(
                    version,
                    row.description(),
                    row.script(),
                    state,
                    row.installedOn(),
                    row.executionMillis(),
                    undoable));
        }
        return status;
    }

    private void fail(List<MigrationInfo> status) {
        List<String> problems = new ArrayList<>();
        for (MigrationInfo info : status) {
            switch (info.state()) {
                case CHANGED ->
                    problems.add(info.script() + " changed after it was applied (its checksum differs);"
                            + " restore it and put the change in a new version");
                case MISSING ->
                    problems.add("version " + info.version() + " (" + info.script() + ") was applied but"
                            + " its script is no longer in " + locations);
                case OUT_OF_ORDER ->
                    problems.add(info.script() + " is new but its version is below an applied one;"
                            + " give it a higher version");
                default -> {}
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationException(
                    "Migrations do not match " + HISTORY_TABLE + ": " + String.join("; ", problems), null);
        }
    }

    private static @Nullable MigrationInfo find(List<MigrationInfo> status, MigrationVersion version) {
        for (MigrationInfo info : status) {
            if (info.version().equals(version)) {
                return info;
            }
        }
        return null;
    }

    private static long countApplied(List<MigrationInfo> status) {
        return status.stream()
                .filter(info -> info.state() == MigrationState.APPLIED)
                .count();
    }

    /** A row of the history table. */
    private record HistoryRow(
            MigrationVersion version,
            String description,
            String type,
            String script,
            @Nullable Integer checksum,
            Instant installedOn,
            int executionMillis) {}

    private void createHistory(Connection connection) {
        executor.onConnection(connection, HISTORY_TASK, CREATE_HISTORY, c -> {
            try (Statement statement = c.createStatement()) {
                return statement.execute(CREATE_HISTORY);
            }
        });
    }

    private List<HistoryRow> historyIfExists(Connection connection) {
        boolean exists = executor.onConnection(connection, HISTORY_TASK, HISTORY_EXISTS, c -> {
            try (PreparedStatement statement = c.prepareStatement(HISTORY_EXISTS)) {
                statement.setString(1, HISTORY_TABLE);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getBoolean(1);
                }
            }
        });
        return exists ? history(connection) : List.of();
    }

    private List<HistoryRow> history(Connection connection) {
        return executor.onConnection(connection, HISTORY_TASK, SELECT_HISTORY, Migrations::readHistory);
    }

    private static List<HistoryRow> readHistory(Connection connection) throws SQLException {
        List<HistoryRow> history = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(SELECT_HISTORY)) {
            while (rows.next()) {
                int checksum = rows.getInt(5);
                Integer boxed = rows.wasNull() ? null : checksum;
                Timestamp installed = rows.getTimestamp(6);
                history.add(new HistoryRow(
                        MigrationVersion.parse(rows.getString(1)),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        boxed,
                        installed.toInstant(),
                        rows.getInt(7)));
            }
        }
        return history;
    }

    @SuppressWarnings("NullAway") // the work returns null only where R allows it; NullAway cannot see R's nullness
    private <R> R withConnection(ConnectionCallback<R> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException ex) {
            throw translator.translate("migrations", "-- " + HISTORY_TABLE, ex);
        }
    }

    /**
     * Runs the work in one transaction that holds the schema's migration lock, a transaction-level advisory lock, so
     * nothing outlives the transaction: the same code is correct on a direct connection and through PgBouncer in
     * transaction pooling mode. A failure rolls the transaction back.
     */
    private <R> R locked(ConnectionCallback<R> work) {
        return withConnection(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                executor.onConnection(connection, "migrate lock", LOCK, c -> {
                    try (Statement statement = c.createStatement()) {
                        return statement.execute(LOCK);
                    }
                });
                R result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error ex) {
                rollbackAfterFailure(connection);
                throw ex;
            } finally {
                if (!connection.isClosed()) {
                    connection.setAutoCommit(autoCommit);
                }
            }
        });
    }

    /** Configures {@link Migrations}. Not thread-safe. */
    public static final class Builder {

        private final DataSource dataSource;
        private List<String> locations = List.of("classpath:db/migration");
        private @Nullable ClassLoader classLoader;
        private PgExceptionTranslator translator = PgExceptionTranslator.fromEnvironment();
        private AuditTrail audit = AuditTrail.off();
        private boolean locationsRequired;
        private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
        private @Nullable StatementObservationConvention observationConvention;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
        }

        /**
         * Where the scripts are: {@code classpath:db/migration} (the default; every jar's), {@code
         * filesystem:/opt/app/sql}, or any Spring resource location; sub-directories are included.
         *
         * @param locations the locations, at least one
         * @return this builder
         */
        public Builder locations(List<String> locations) {
            if (locations.isEmpty()) {
                throw new IllegalArgumentException("migration locations must not be empty");
            }
            this.locations = List.copyOf(locations);
            return this;
        }

        /**
         * The class loader that finds {@code classpath:} scripts.
         *
         * @param classLoader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /**
         * Translates failures (the one a Spring context shares, under Spring Boot).
         *
         * @param translator the translator
         * @return this builder
         */
        public Builder translator(PgExceptionTranslator translator) {
            this.translator = translator;
            return this;
        }

        /**
         * Records each script run on an audit trail (off by default).
         *
         * @param audit the trail
         * @return this builder
         */
        public Builder auditTrail(AuditTrail audit) {
            this.audit = Objects.requireNonNull(audit, "audit must not be null");
            return this;
        }

        /**
         * Observes every statement of a run (the scripts, the history reads and writes, the lock) as the engine does
         * its own: an observation named {@code data-bridge.statements} whose task names the script ({@code migrate
         * V1__create_users.sql}); the SQL log {@code io.databridge.sql} gets them at DEBUG either way, a script as its
         * name (a data migration's text may hold values). Nothing is observed by default.
         *
         * @param registry the registry
         * @return this builder
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            this.observationRegistry = Objects.requireNonNull(registry, "registry must not be null");
            return this;
        }

        /**
         * Replaces the names and tags of the observations (the engine's default convention otherwise).
         *
         * @param convention the convention
         * @return this builder
         */
        public Builder observationConvention(StatementObservationConvention convention) {
            this.observationConvention = Objects.requireNonNull(convention, "convention must not be null");
            return this;
        }

        /**
         * Whether a location that does not exist is an error rather than a location without scripts. Off by default,
         * so the default {@code classpath:db/migration} may be absent; turn it on for locations someone configured:
         * a misspelled one would otherwise leave the schema silently unmigrated.
         *
         * @param locationsRequired {@code true} to fail on a missing location
         * @return this builder
         */
        public Builder locationsRequired(boolean locationsRequired) {
            this.locationsRequired = locationsRequired;
            return this;
        }

        /**
         * Builds the migrations.
         *
         * @return the migrations
         */
        public Migrations build() {
            return new Migrations(this);
        }
    }
}
