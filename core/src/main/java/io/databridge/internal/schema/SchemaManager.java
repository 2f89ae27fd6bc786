package io.databridge.internal.schema;

import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.migration.ScriptName;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.IndexModel;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.PropertyModel.Role;
import io.databridge.internal.relation.RelationDdl;
import io.databridge.internal.sql.Identifiers;
import io.databridge.mapping.EntityMappingException;
import io.databridge.types.EnumLabels;
import io.databridge.types.EnumType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders and runs DDL from entity models; the work behind {@code DataBridge.schema()}, whose Javadoc states each
 * operation's contract. Thread-safe.
 */
public final class SchemaManager {

    private final EntityModels models;
    private final JdbcExecutor executor;
    private final TransactionTemplate transactions;
    private final io.databridge.internal.relation.RelationResolver relations;

    /**
     * Creates the manager.
     *
     * @param models the entity models
     * @param executor runs the statements
     * @param transactions the transaction each multi-statement operation runs in, unless the caller has one
     * @param relations resolves relations, for foreign keys and join tables
     */
    public SchemaManager(
            EntityModels models,
            JdbcExecutor executor,
            TransactionTemplate transactions,
            io.databridge.internal.relation.RelationResolver relations) {
        this.models = models;
        this.relations = relations;
        this.executor = executor;
        this.transactions = transactions;
    }

    /**
     * The DDL that creates an entity's table, its enum types and its indexes.
     *
     * @param type the entity type
     * @return the statements, in order
     */
    public List<String> createStatements(Class<?> type) {
        List<String> statements = tableStatements(type);
        statements.addAll(relations.relationStatements(models.get(type)));
        return statements;
    }

    /** The statements of the table itself, its to-one foreign keys inline. */
    private List<String> tableStatements(Class<?> type) {
        EntityModel<?> model = models.get(type);
        List<String> statements = new ArrayList<>();
        Set<String> enumTypes = new LinkedHashSet<>();
        StringJoiner columns = new StringJoiner(", ");
        for (PropertyModel property : model.properties()) {
            if (property.valueType().enumType() == EnumType.POSTGRES && enumTypes.add(enumTypeName(property))) {
                statements.add(createEnumType(model, property));
            }
            columns.add(columnDefinition(property) + references(model, property));
        }
        columns.add("PRIMARY KEY (" + model.id().quotedColumn() + ")");
        statements.add("CREATE TABLE IF NOT EXISTS " + model.qualifiedTable() + " (" + columns + ")");
        for (IndexModel index : model.indexes()) {
            StringJoiner indexed = new StringJoiner(", ");
            index.properties().forEach(property -> indexed.add(property.quotedColumn()));
            statements.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS "
                    + Identifiers.quote(index.name(), "index name") + " ON " + model.qualifiedTable() + " (" + indexed
                    + ")");
        }
        return statements;
    }

    /**
     * Creates the tables (and their enum types and indexes) of entities when they do not exist, in the caller's
     * transaction or in one of its own.
     *
     * @param types the entity types
     */
    public void create(Class<?>... types) {
        List<String> statements = new ArrayList<>();
        List<Class<?>> ordered = dependencyOrder(types);
        for (Class<?> type : ordered) {
            statements.addAll(tableStatements(type));
        }
        for (Class<?> type : ordered) {
            statements.addAll(relations.relationStatements(models.get(type)));
        }
        run("create schema", statements);
    }

    /** The types with each one's relation targets among them first (a cycle keeps the given order). */
    private List<Class<?>> dependencyOrder(Class<?>... types) {
        List<Class<?>> given = List.of(types);
        List<Class<?>> ordered = new ArrayList<>();
        Set<Class<?>> visiting = new java.util.HashSet<>();
        for (Class<?> type : given) {
            visit(type, given, ordered, visiting);
        }
        return ordered;
    }

    private void visit(Class<?> type, List<Class<?>> given, List<Class<?>> ordered, Set<Class<?>> visiting) {
        if (ordered.contains(type) || !visiting.add(type)) {
            return;
        }
        for (Class<?> dependency : relations.dependencies(models.get(type))) {
            if (given.contains(dependency)) {
                visit(dependency, given, ordered, visiting);
            }
        }
        ordered.add(type);
    }

    /** {@code REFERENCES target (id)} for a to-one foreign-key column, empty for any other column. */
    private String references(EntityModel<?> model, PropertyModel property) {
        for (io.databridge.internal.model.RelationProperty relation : model.relations()) {
            if (relation.column() == property) {
                EntityModel<?> target = models.get(relation.target());
                return " REFERENCES " + target.qualifiedTable() + " ("
                        + target.id().quotedColumn() + ")";
            }
        }
        return "";
    }

    /**
     * Drops the tables of entities if they exist.
     *
     * @param types the entity types
     */
    public void drop(Class<?>... types) {
        List<String> statements = new ArrayList<>();
        for (Class<?> type : types) {
            statements.add("DROP TABLE IF EXISTS " + models.get(type).qualifiedTable() + " CASCADE");
        }
        run("drop schema", statements);
    }

    /**
     * The statements that bring the database to the entity models.
     *
     * @param types the entity types
     * @return the statements and comments, in order; empty when the database matches the model
     */
    public List<String> diff(Class<?>... types) {
        List<String> statements = new ArrayList<>();
        List<Class<?>> ordered = dependencyOrder(types);
        // One-way relations keep their key in the child's table: mapped, though the child's model does not say so.
        Set<String> keyColumns = new java.util.HashSet<>();
        for (Class<?> type : ordered) {
            for (RelationDdl ddl : relations.relationDdl(models.get(type))) {
                if (ddl.kind() == RelationDdl.Kind.CHILD_COLUMN) {
                    keyColumns.add(ddl.table() + "." + ddl.column());
                }
            }
        }
        for (Class<?> type : ordered) {
            EntityModel<?> model = models.get(type);
            executor.withConnection("schema diff " + type.getSimpleName(), "-- catalog", connection -> {
                diff(connection, model, statements, keyColumns);
                return null;
            });
        }
        for (Class<?> type : ordered) {
            EntityModel<?> model = models.get(type);
            executor.withConnection("schema diff " + type.getSimpleName() + " relations", "-- catalog", connection -> {
                diffRelations(connection, model, statements);
                return null;
            });
        }
        return statements;
    }

    /**
     * The relation DDL the database lacks: a missing join table or one-way key column as {@code create} makes it; for
     * a foreign-key column that exists, its constraint when none refers from it, and its index when no index starts
     * with it. A to-one column the table lacks was added with its {@code REFERENCES} by the table's own diff.
     */
    private void diffRelations(Connection connection, EntityModel<?> model, List<String> statements)
            throws SQLException {
        for (RelationDdl ddl : relations.relationDdl(model)) {
            if (!catalogHas(connection, COLUMN_EXISTS, ddl)) {
                statements.addAll(ddl.kind() == RelationDdl.Kind.OWN_COLUMN ? List.of(ddl.index()) : ddl.create());
                continue;
            }
            if (!ddl.foreignKey().isEmpty() && !catalogHas(connection, FOREIGN_KEY_EXISTS, ddl)) {
                statements.add(ddl.foreignKey());
            }
            if (!catalogHas(connection, INDEX_EXISTS, ddl)) {
                statements.add(ddl.index());
            }
        }
    }

    private static final String COLUMN_EXISTS = "SELECT 1 FROM pg_catalog.pg_attribute AS a WHERE a.attrelid ="
            + " to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped";

    /** A single-column foreign key from the column. */
    private static final String FOREIGN_KEY_EXISTS = "SELECT 1 FROM pg_catalog.pg_constraint AS c JOIN"
            + " pg_catalog.pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] WHERE c.contype ="
            + " 'f' AND c.conrelid = to_regclass(?) AND a.attname = ? AND cardinality(c.conkey) = 1";

    /** An index whose first column is the column (a primary key or unique constraint counts). */
    private static final String INDEX_EXISTS = "SELECT 1 FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_attribute"
            + " AS a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] WHERE i.indrelid = to_regclass(?) AND"
            + " a.attname = ?";

    private static boolean catalogHas(Connection connection, String sql, RelationDdl ddl) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, ddl.table());
            query.setString(2, ddl.column());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void diff(Connection connection, EntityModel<?> model, List<String> statements, Set<String> keyColumns)
            throws SQLException {
        Map<String, Boolean> columns = new LinkedHashMap<>();
        Set<String> indexes = new LinkedHashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT a.attname, a.attnotnull FROM pg_catalog.pg_attribute AS a WHERE a.attrelid = to_regclass(?)"
                        + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            query.setString(1, model.qualifiedTable());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1), rows.getBoolean(2));
                }
            }
        }
        if (columns.isEmpty()) {
            statements.addAll(tableStatements(model.type()));
            return;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT c.relname FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid = i.indexrelid"
                        + " WHERE i.indrelid = to_regclass(?)")) {
            query.setString(1, model.qualifiedTable());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    indexes.add(rows.getString(1));
                }
            }
        }
        String table = model.qualifiedTable();
        Set<String> mapped = new LinkedHashSet<>();
        Set<String> enumTypes = new LinkedHashSet<>();
        for (PropertyModel property : model.properties()) {
            mapped.add(property.columnName());
            if (columns.containsKey(property.columnName())) {
                if (property.valueType().enumType() == EnumType.POSTGRES && enumTypes.add(enumTypeName(property))) {
                    addMissingLabels(connection, model, property, statements);
                }
                continue;
            }
            if (property.valueType().enumType() == EnumType.POSTGRES && enumTypes.add(enumTypeName(property))) {
                statements.add(createEnumType(model, property));
            }
            String definition = columnDefinition(property) + references(model, property);
            if (definition.contains(" NOT NULL") && !definition.contains(" DEFAULT ")) {
                statements.add("-- " + property.qualifiedName() + " is NOT NULL without a default: the next statement"
                        + " fails if " + table + " has rows; add a DEFAULT or add the column nullable, fill it, then"
                        + " set NOT NULL");
            }
            statements.add("ALTER TABLE " + table + " ADD COLUMN " + definition);
        }
        for (String column : columns.keySet()) {
            if (!mapped.contains(column) && !keyColumns.contains(table + "." + column)) {
                statements.add("-- column " + Identifiers.quote(column, "column name") + " of " + table + " is not"
                        + " mapped by " + model.type().getName() + "; once unused: ALTER TABLE " + table
                        + " DROP COLUMN " + Identifiers.quote(column, "column name"));
            }
        }
        for (IndexModel index : model.indexes()) {
            if (!indexes.contains(index.name())) {
                StringJoiner indexed = new StringJoiner(", ");
                index.properties().forEach(property -> indexed.add(property.quotedColumn()));
                statements.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS "
                        + Identifiers.quote(index.name(), "index name") + " ON " + table + " (" + indexed + ")");
            }
        }
    }

    /**
     * Writes the diff as the next versioned migration script.
     *
     * @param directory the scripts' directory; created if missing
     * @param description the description; spaces become underscores
     * @param types the entity types
     * @return the written script, or empty when the database already matches the model
     */
    public Optional<Path> writeMigration(Path directory, String description, Class<?>... types) {
        String name = description.trim().replaceAll("\\s+", "_");
        if (name.isEmpty() || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("Invalid migration description '" + description
                    + "': use letters, digits, spaces, dots, dashes or underscores, e.g. add customer phone");
        }
        List<String> statements = diff(types);
        if (statements.isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(directory);
            long next = 1;
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    ScriptName script = ScriptName.parse(file.getFileName().toString());
                    if (script != null && !script.undo() && script.major() >= 0) {
                        next = Math.max(next, script.major() + 1);
                    }
                }
            }
            StringBuilder script = new StringBuilder(
                    "-- Written by data-bridge from the entity model; review it" + " before it is applied.\n");
            for (String statement : statements) {
                script.append(statement).append(statement.startsWith("--") ? "\n" : ";\n");
            }
            Path file = directory.resolve("V" + next + "__" + name + ".sql");
            Files.writeString(file, script, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return Optional.of(file);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the migration script in " + directory + ": " + ex, ex);
        }
    }

    private void run(String task, List<String> statements) {
        transactions.executeWithoutResult(status -> {
            for (String sql : statements) {
                executor.withConnection(task, sql, connection -> {
                    try (Statement statement = connection.createStatement()) {
                        return statement.execute(sql);
                    }
                });
            }
        });
    }

    private static String columnDefinition(PropertyModel property) {
        StringBuilder definition =
                new StringBuilder(property.quotedColumn()).append(' ').append(sqlType(property));
        Class<?> type = property.valueType().rawType();
        switch (property.role()) {
            case ID -> {
                if (property.generated()) {
                    definition.append(
                            type == UUID.class ? " DEFAULT gen_random_uuid()" : " GENERATED BY DEFAULT AS IDENTITY");
                }
            }
            case VERSION, CREATED_AT, UPDATED_AT ->
                definition.append(" NOT NULL DEFAULT ").append(property.insertExpression());
            case PLAIN -> {
                if (!property.nullable()) {
                    definition.append(" NOT NULL");
                }
            }
        }
        if (property.unique() && property.role() != Role.ID) {
            definition.append(" UNIQUE");
        }
        return definition.toString();
    }

    private static String sqlType(PropertyModel property) {
        Class<?> type = property.valueType().rawType();
        if (property.role() == Role.ID && property.generated() && (type == int.class || type == Integer.class)) {
            return "integer";
        }
        if (type == String.class && property.length() > 0) {
            return "varchar(" + property.length() + ")";
        }
        if (type == BigDecimal.class && property.precision() > 0) {
            return "numeric(" + property.precision() + ", " + property.scale() + ")";
        }
        return property.codec().sqlType();
    }

    private static String enumTypeName(PropertyModel property) {
        String name = property.valueType().enumTypeName();
        if (name == null) {
            throw new IllegalStateException(property.qualifiedName() + " has no enum type name");
        }
        return name;
    }

    private static String createEnumType(EntityModel<?> model, PropertyModel property) {
        StringJoiner labels = new StringJoiner(", ");
        enumLabels(property).forEach(label -> labels.add(labelLiteral(label)));
        return "DO $data_bridge$ BEGIN CREATE TYPE " + qualifiedEnumType(model, property) + " AS ENUM (" + labels
                + "); EXCEPTION WHEN duplicate_object THEN NULL; END $data_bridge$";
    }

    private static String qualifiedEnumType(EntityModel<?> model, PropertyModel property) {
        return model.schema().isEmpty()
                ? Identifiers.quote(enumTypeName(property), "enum type name")
                : Identifiers.qualified(model.schema(), enumTypeName(property), "enum type name");
    }

    /** The labels of an enum property's constants ({@link io.databridge.types.EnumLabel}, else the name). */
    @SuppressWarnings("unchecked")
    private static List<String> enumLabels(PropertyModel property) {
        try {
            return EnumLabels.labels((Class<? extends Enum<?>>) enumClass(property));
        } catch (IllegalArgumentException ex) {
            throw new EntityMappingException(
                    "Cannot create the enum type of " + property.qualifiedName() + ": " + ex.getMessage());
        }
    }

    /** A label as a string literal: labels hold no backslash or NUL ({@link EnumLabels} checks), quotes doubled. */
    private static String labelLiteral(String label) {
        if (label.contains("$data_bridge$")) {
            throw new EntityMappingException("Enum label '" + label + "' contains $data_bridge$; choose another");
        }
        return "'" + label.replace("'", "''") + "'";
    }

    /** {@code ALTER TYPE ... ADD VALUE} for each label of a PostgreSQL enum property its type lacks. */
    private static void addMissingLabels(
            Connection connection, EntityModel<?> model, PropertyModel property, List<String> statements)
            throws SQLException {
        String type = qualifiedEnumType(model, property);
        Set<String> existing = new LinkedHashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT e.enumlabel FROM pg_catalog.pg_enum AS e"
                + " WHERE e.enumtypid = to_regtype(?) ORDER BY e.enumsortorder")) {
            query.setString(1, type);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
        }
        if (existing.isEmpty()) {
            return;
        }
        for (String label : enumLabels(property)) {
            if (!existing.contains(label)) {
                statements.add("ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS " + labelLiteral(label));
            }
        }
    }

    private static Class<?> enumClass(PropertyModel property) {
        Class<?> raw = property.valueType().rawType();
        if (raw.isEnum()) {
            return raw;
        }
        if (raw.isArray() && raw.getComponentType().isEnum()) {
            return raw.getComponentType();
        }
        Type generic = property.valueType().genericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element
                && element.isEnum()) {
            return element;
        }
        throw new EntityMappingException(property.qualifiedName() + " is @Enumerated(POSTGRES) but not an enum");
    }
}
