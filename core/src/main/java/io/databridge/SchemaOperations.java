package io.databridge;

import java.util.List;

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
}
