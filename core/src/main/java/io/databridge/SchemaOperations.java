package io.databridge;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Creates and drops tables from entity models: for tests, prototypes and quick starts. Production schemas belong in
 * versioned migrations. Thread-safe.
 */
public interface SchemaOperations {

    /**
     * The DDL that {@link #create(Class[])} runs for one entity: {@code CREATE TYPE} for PostgreSQL enum types that
     * are missing, {@code CREATE TABLE IF NOT EXISTS}, and {@code CREATE INDEX IF NOT EXISTS} per index.
     *
     * @param type the entity type
     * @return the statements, in order
     */
    List<String> createStatements(Class<?> type);

    /**
     * Creates the tables (and their enum types and indexes) of the given entities when they do not exist, in the
     * caller's transaction or in one of its own.
     *
     * @param types the entity types
     */
    void create(Class<?>... types);

    /**
     * Drops the tables of the given entities if they exist ({@code DROP TABLE IF EXISTS ... CASCADE}).
     *
     * @param types the entity types
     */
    void drop(Class<?>... types);

    /**
     * The DDL that brings the database to the entity model, for the next migration script. Per entity: its create
     * statements when its table does not exist; otherwise {@code ALTER TABLE ... ADD COLUMN} for each property
     * without a column (with the enum type it needs) and {@code CREATE INDEX} for each missing index. What it cannot
     * decide safely comes as SQL comments: a column no property maps (drop it in a later migration once unused), and
     * a new {@code NOT NULL} column without a default, which fails on a table with rows. Reads the catalog through
     * the connection's search path; changes nothing.
     *
     * @param types the entity types
     * @return the statements and comments, in order; empty when the database matches the model
     */
    List<String> diff(Class<?>... types);

    /**
     * Writes {@link #diff(Class[])} as the next migration script of a directory: {@code V<n>__<description>.sql}, where
     * {@code n} is one more than the highest major version of the directory's {@code V} scripts (1 in an empty one).
     *
     * @param directory the scripts' directory, e.g. {@code src/main/resources/db/migration}; created if missing
     * @param description the description, e.g. {@code add customer phone}; spaces become underscores
     * @param types the entity types
     * @return the written script, or empty when the database already matches the model (nothing is written)
     */
    Optional<Path> writeMigration(Path directory, String description, Class<?>... types);
}
