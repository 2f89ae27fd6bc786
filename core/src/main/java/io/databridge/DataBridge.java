package io.databridge;

import io.databridge.audit.AuditTrail;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.internal.jdbc.NPlusOneAdvice;
import io.databridge.internal.jdbc.NPlusOneDetector;
import io.databridge.internal.jdbc.StatementObserver;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.sql.RejectedInputs;
import io.databridge.mapping.NamingStrategy;
import io.databridge.observation.DefaultStatementObservationConvention;
import io.databridge.observation.NPlusOneListener;
import io.databridge.observation.StatementObservationConvention;
import io.databridge.query.QueryFactory;
import io.databridge.query.QueryTable;
import io.databridge.query.SelectQuery;
import io.databridge.types.TypeCodecs;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The data-bridge facade: entity CRUD, raw SQL with named parameters, and schema generation over one {@link
 * DataSource}. Connections are borrowed through Spring's {@code DataSourceUtils}, so every call joins the caller's
 * {@code @Transactional} transaction; outside one, a single statement runs in autocommit and no transaction is opened
 * for it. Every failure is a Spring {@link org.springframework.dao.DataAccessException}.
 *
 * <p>Thread-safe: create one per data source and share it (under Spring Boot it is a bean).
 *
 * <pre>{@code
 * DataBridge db = DataBridge.create(dataSource);
 * User saved = db.insert(new User("a@example.com"));
 * Optional<User> found = db.findById(User.class, saved.getId());
 * }</pre>
 */
public interface DataBridge {

    /**
     * Creates an engine with default settings: built-in codecs, snake_case naming, and sanitized error messages unless
     * {@code DATA_BRIDGE_ERRORS_SANITIZE=false}.
     *
     * @param dataSource the data source, typically a connection pool
     * @return the engine
     */
    static DataBridge create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * Starts configuring an engine.
     *
     * @param dataSource the data source, typically a connection pool
     * @return a builder
     */
    static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Inserts an entity in one statement and returns the row as stored: generated id, version 0 and timestamps come
     * from {@code RETURNING}. A mutable entity is updated in place and returned; a record comes back as a new instance.
     *
     * @param entity the entity
     * @param <T> the entity type
     * @return the stored entity
     * @throws org.springframework.dao.DuplicateKeyException when a unique constraint is violated
     * @throws org.springframework.dao.DataIntegrityViolationException for other constraint violations
     */
    <T> T insert(T entity);

    /**
     * Inserts entities, all or nothing: the call runs in the caller's transaction, or in its own when there is none,
     * so a failing row leaves none of them inserted.
     *
     * @param entities the entities
     * @param <T> the entity type
     * @return the stored entities, in input order
     */
    <T> List<T> insertAll(Collection<T> entities);

    /**
     * Updates an entity by id. With a {@link io.databridge.mapping.Version} property the stored version must match
     * and is incremented; {@link io.databridge.mapping.UpdatedAt} is set by the database.
     *
     * @param entity the entity, with its id set
     * @param <T> the entity type
     * @return the stored entity (the same instance for mutable entities, a new one for records)
     * @throws org.springframework.dao.OptimisticLockingFailureException when the version is stale or the row is gone
     * @throws org.springframework.dao.IncorrectUpdateSemanticsDataAccessException when no row has the id (entities
     *     without a version)
     */
    <T> T update(T entity);

    /**
     * Updates entities by id, all or nothing, in one {@code UPDATE ... FROM unnest(...)} per 5,000 entities: every
     * updatable column is set from the entity, a {@link io.databridge.mapping.Version} is checked and incremented,
     * {@link io.databridge.mapping.UpdatedAt} is set by the database, {@link io.databridge.mapping.CreatedAt} and
     * columns with {@code updatable = false} are left as stored. The call runs in the caller's transaction, or in its
     * own when there is none; when one entity's row is missing or its version stale, nothing is updated (a caller's
     * transaction is marked rollback-only) and no entity is changed.
     *
     * @param entities the entities, each with its id (and version) set; an empty collection runs no SQL
     * @param <T> the entity type
     * @return the stored entities in input order (the same instances for mutable entities, new ones for records)
     * @throws IllegalArgumentException when {@code entities} is null or contains null, an entity has no id or a null
     *     version, or two entities have the same id (before any SQL)
     * @throws org.springframework.dao.OptimisticLockingFailureException when a version is stale or a row is gone
     *     (versioned entities)
     * @throws org.springframework.dao.IncorrectUpdateSemanticsDataAccessException when no row has an entity's id
     *     (entities without a version)
     */
    <T> List<T> updateAll(Collection<T> entities);

    /**
     * Inserts or updates entities with an assigned id and no version, like {@link #save(Object)} does for one, in one
     * {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT (id) DO UPDATE ... RETURNING} per 5,000 entities; all or
     * nothing (several statements run in the caller's transaction or in their own).
     *
     * @param entities the entities, each with its id set; an empty collection runs no SQL
     * @param <T> the entity type
     * @return the stored entities in input order
     * @throws IllegalArgumentException when {@code entities} is null or contains null, an entity has a generated id
     *     or a version (use {@link #insertAll(Collection)} or {@link #updateAll(Collection)}), no id, or two entities
     *     have the same id (before any SQL)
     * @throws org.springframework.dao.DataIntegrityViolationException for constraint violations
     */
    <T> List<T> upsertAll(Collection<T> entities);

    /**
     * Deletes entities by id in one {@code DELETE ... WHERE id = ANY(?)} per 5,000 entities; entities with a {@link
     * io.databridge.mapping.Version} are deleted by id and version, all or nothing (in the caller's transaction or
     * their own). Without a version, an id that matches no row is ignored, as in {@link #deleteById(Class, Object)}. An
     * entity passed twice is deleted once.
     *
     * @param entities the entities; an empty collection runs no SQL
     * @param <T> the entity type
     * @throws IllegalArgumentException when {@code entities} is null or contains null, or an entity has no id
     * @throws org.springframework.dao.OptimisticLockingFailureException when a version is stale or a row is gone
     *     (versioned entities); nothing is deleted
     */
    <T> void deleteAll(Collection<T> entities);

    /**
     * Deletes the rows with the given ids in one {@code DELETE ... WHERE id = ANY(?)} per 5,000 ids (several
     * statements run in the caller's transaction or their own).
     *
     * @param type the entity type
     * @param ids the ids; an empty collection runs no SQL
     * @param <T> the entity type
     * @return the number of rows deleted
     * @throws IllegalArgumentException when {@code type} or {@code ids} is null, or an id is null or of the wrong type
     */
    <T> long deleteAllById(Class<T> type, Collection<?> ids);

    /**
     * Inserts a new entity or updates an existing one. New means: a generated id that is {@code null} (or 0), else a
     * version that is {@code null} (or 0 when primitive). An entity with an assigned id and no version is upserted.
     *
     * @param entity the entity
     * @param <T> the entity type
     * @return the stored entity
     */
    <T> T save(T entity);

    /**
     * Deletes an entity by id (and version, when it has one).
     *
     * @param entity the entity
     * @param <T> the entity type
     * @throws org.springframework.dao.OptimisticLockingFailureException when the version is stale or the row is gone
     */
    <T> void delete(T entity);

    /**
     * Deletes the row with the given id.
     *
     * @param type the entity type
     * @param id the id
     * @param <T> the entity type
     * @return whether a row was deleted
     */
    <T> boolean deleteById(Class<T> type, Object id);

    /**
     * Reads the row with the given id.
     *
     * @param type the entity type
     * @param id the id
     * @param <T> the entity type
     * @return the entity, or empty
     */
    <T> Optional<T> findById(Class<T> type, Object id);

    /**
     * Reads the row with the given id and loads the named relations with it.
     *
     * @param type the entity type
     * @param id the id
     * @param fetch relation paths to load, e.g. {@code "pets"}, {@code "pets.visits"}
     * @param <T> the entity type
     * @return the entity with its relations loaded, or empty
     * @throws IllegalArgumentException when a path names no relation
     */
    <T> Optional<T> findById(Class<T> type, Object id, String... fetch);

    /**
     * Loads relations into entities already read: one statement per relation per level, whatever the number of
     * entities. With an empty list it only checks the paths.
     *
     * @param type the entity type
     * @param entities the entities, as read
     * @param paths relation paths, e.g. {@code "pets"}, {@code "pets.visits"} (a nested path implies its prefix)
     * @param <T> the entity type
     * @return the entities with the relations loaded: the same instances for classes, new ones for records
     * @throws IllegalArgumentException when a path names no relation
     */
    <T> List<T> fetch(Class<T> type, List<T> entities, String... paths);

    /**
     * Starts a type-safe query over an entity's table, with columns from the generated metamodel:
     * {@code db.from(User.class).where(User_.age.gt(25)).orderBy(User_.name.asc()).list()}.
     *
     * @param type the entity class
     * @param <T> the entity type
     * @return an immutable query; every step returns a new one
     * @throws io.databridge.mapping.EntityMappingException when the class is not a valid entity
     */
    <T> SelectQuery<T> from(Class<T> type);

    /**
     * Starts a query reading a CTE or derived table, e.g. {@code db.from(team).orderBy(team.get(Employee_.id).asc())};
     * its rows are read like those of the table's query, and the statement gets the {@code WITH} clause it needs.
     *
     * @param table a {@link io.databridge.query.Cte} or {@link io.databridge.query.DerivedTable}
     * @param <R> the row type of the table's query
     * @return an immutable query; every step returns a new one
     * @throws IllegalArgumentException when {@code table} is null
     */
    default <R> SelectQuery<R> from(QueryTable<R> table) {
        return QueryFactory.from(table);
    }

    /**
     * Starts a raw SQL statement with {@code :named} parameters. Values are always bound, never put into the text.
     *
     * @param sql the SQL text
     * @return an immutable query; add parameters with {@link SqlQuery#param(String, Object)}
     * @throws IllegalArgumentException when the text is blank or uses {@code ?} placeholders
     */
    SqlQuery sql(String sql);

    /**
     * Creates and drops tables from entity models, for tests and quick starts.
     *
     * @return the schema operations
     */
    SchemaOperations schema();

    /** Configures a {@link DataBridge}. Not thread-safe; the engine it builds is. */
    final class Builder {

        private final DataSource dataSource;
        private TypeCodecs codecs = TypeCodecs.defaults();
        private NamingStrategy naming = NamingStrategy.SNAKE_CASE;
        private PgExceptionTranslator translator = PgExceptionTranslator.fromEnvironment();
        private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
        private @Nullable StatementObservationConvention observationConvention;
        private @Nullable Duration slowQueryThreshold;
        private AuditTrail audit = AuditTrail.off();
        private int nPlusOneThreshold;
        private NPlusOneListener nPlusOneListener = NPlusOneListener.NONE;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * Sets the codecs, e.g. with user codecs registered.
         *
         * @param codecs the codecs
         * @return this builder
         */
        public Builder codecs(TypeCodecs codecs) {
            this.codecs = codecs;
            return this;
        }

        /**
         * Sets how names are derived when annotations leave them out.
         *
         * @param naming the naming strategy
         * @return this builder
         */
        public Builder naming(NamingStrategy naming) {
            this.naming = naming;
            return this;
        }

        /**
         * Turns sanitized error messages on (the default) or off (for development).
         *
         * @param sanitize whether messages hide tables, columns, constraints and values
         * @return this builder
         */
        public Builder sanitizeErrors(boolean sanitize) {
            this.translator = new PgExceptionTranslator(sanitize);
            return this;
        }

        /**
         * Sets the exception translator, e.g. the one a Spring context shares with its transaction manager.
         *
         * @param translator the translator
         * @return this builder
         */
        public Builder translator(PgExceptionTranslator translator) {
            this.translator = translator;
            return this;
        }

        /**
         * Reports every unit of database work to a Micrometer registry, as an observation named {@value
         * DefaultStatementObservationConvention#NAME} (a timer, and a span when tracing is set up). Without one
         * ({@link ObservationRegistry#NOOP}, the default) nothing is observed and nothing is paid for it.
         *
         * @param registry the registry
         * @return this builder
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            this.observationRegistry = Objects.requireNonNull(registry, "registry must not be null");
            return this;
        }

        /**
         * Replaces the names and tags of the observations ({@link DefaultStatementObservationConvention} by default).
         *
         * @param convention the convention
         * @return this builder
         */
        public Builder observationConvention(StatementObservationConvention convention) {
            this.observationConvention = Objects.requireNonNull(convention, "convention must not be null");
            return this;
        }

        /**
         * Logs every unit of work that takes at least {@code threshold} at WARN on the {@code io.databridge.slow-query}
         * logger, with its task, duration and SQL (placeholders, never values). Off by default.
         *
         * @param threshold the threshold, zero or positive; {@code null} turns slow-query logging off
         * @return this builder
         * @throws IllegalArgumentException when the threshold is negative
         */
        public Builder slowQueryThreshold(@Nullable Duration threshold) {
            if (threshold != null && threshold.isNegative()) {
                throw new IllegalArgumentException(
                        "slowQueryThreshold must be zero or positive, or null to turn it off, but was " + threshold);
            }
            this.slowQueryThreshold = threshold;
            return this;
        }

        /**
         * Records writes, transaction outcomes and pool events on an audit trail (off by default).
         *
         * @param audit the trail, e.g. {@link AuditTrail#toLog()}
         * @return this builder
         */
        public Builder auditTrail(AuditTrail audit) {
            this.audit = Objects.requireNonNull(audit, "audit must not be null");
            return this;
        }

        /**
         * Looks for N+1 in every transaction (off by default): when one read statement (the same SQL text: a {@code
         * findById}, a derived query, a relation fetch) runs more than {@code threshold} times in one transaction, one
         * WARN per transaction and statement goes to the {@code io.databridge.n-plus-one} logger, naming the task and
         * the fetch that would avoid it (never a bound value), and the {@link #nPlusOneListener listener} hears it.
         *
         * @param threshold how many runs of one read statement a transaction may make, at least 1; {@code 0} turns
         *     detection off
         * @return this builder
         * @throws IllegalArgumentException when the threshold is negative
         */
        public Builder nPlusOneThreshold(int threshold) {
            if (threshold < 0) {
                throw new IllegalArgumentException(
                        "nPlusOneThreshold must be at least 1, or 0 to turn detection off, but was " + threshold);
            }
            this.nPlusOneThreshold = threshold;
            return this;
        }

        /**
         * Tells a listener about each N+1 the detector finds (see {@link #nPlusOneThreshold(int)}), e.g. to count them.
         *
         * @param listener the listener, called once per transaction and statement
         * @return this builder
         */
        public Builder nPlusOneListener(NPlusOneListener listener) {
            this.nPlusOneListener = Objects.requireNonNull(listener, "listener must not be null");
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return the engine
         */
        public DataBridge build() {
            StatementObserver observer =
                    new StatementObserver(observationRegistry, observationConvention, slowQueryThreshold, audit);
            EntityModels models = new EntityModels(codecs, naming);
            NPlusOneDetector nPlusOne = nPlusOneThreshold == 0
                    ? NPlusOneDetector.OFF
                    : new NPlusOneDetector(nPlusOneThreshold, nPlusOneListener, new NPlusOneAdvice(models));
            if (audit == AuditTrail.off()) {
                return new DefaultDataBridge(dataSource, models, translator, observer, nPlusOne);
            }
            // Security events: sanitized errors through the translator, refused identifiers and sort keys (checked
            // where queries are built, before any engine is involved) through the process-wide hook.
            DefaultDataBridge engine = new DefaultDataBridge(
                    dataSource, models, translator.reportingRedactionsTo(audit::sanitizedError), observer, nPlusOne);
            RejectedInputs.Listener rejections = audit::rejectedInput;
            engine.retain(rejections);
            RejectedInputs.reportTo(rejections);
            return engine;
        }
    }
}
