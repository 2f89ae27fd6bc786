package io.databridge;

import io.databridge.internal.schema.SchemaManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The schema operations of one engine, run by its {@link SchemaManager}. Thread-safe. */
final class DefaultSchemaOperations implements SchemaOperations {

    private final SchemaManager manager;

    DefaultSchemaOperations(SchemaManager manager) {
        this.manager = manager;
    }

    @Override
    public List<String> createStatements(Class<?> type) {
        return manager.createStatements(type);
    }

    @Override
    public void create(Class<?>... types) {
        manager.create(types);
    }

    @Override
    public void drop(Class<?>... types) {
        manager.drop(types);
    }

    @Override
    public List<String> diff(Class<?>... types) {
        return manager.diff(types);
    }

    @Override
    public Optional<Path> writeMigration(Path directory, String description, Class<?>... types) {
        return manager.writeMigration(directory, description, types);
    }
}
