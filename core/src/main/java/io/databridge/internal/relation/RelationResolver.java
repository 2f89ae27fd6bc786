package io.databridge.internal.relation;

import io.databridge.internal.jdbc.RelationLink;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.RelationProperty;
import io.databridge.internal.sql.Identifiers;
import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.JoinTable;
import io.databridge.mapping.ManyToMany;
import io.databridge.mapping.NamingStrategy;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.OneToOne;
import io.databridge.mapping.OrderBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Resolves each declared relation against the related entity's model once, validates it (fix in the message), and
 * renders its select-in statement. Thread-safe; one per engine.
 */
public final class RelationResolver {

    private final EntityModels models;
    private final Map<RelationProperty, ResolvedRelation> resolved = new ConcurrentHashMap<>();

    /**
     * Creates a resolver.
     *
     * @param models the entity models
     */
    public RelationResolver(EntityModels models) {
        this.models = models;
    }

    /**
     * The entity models relations resolve against.
     *
     * @return the models
     */
    EntityModels models() {
        return models;
    }

    /**
     * Resolves every relation of an entity, and of the entities it reaches, so a mapping mistake fails at startup.
     *
     * @param type the entity class
     * @throws EntityMappingException naming the relation and the fix
     */
    public void validate(Class<?> type) {
        validate(models.get(type), new java.util.HashSet<>());
    }

    private void validate(EntityModel<?> model, java.util.Set<Class<?>> seen) {
        if (!seen.add(model.type())) {
            return;
        }
        for (RelationProperty relation : model.relations()) {
            ResolvedRelation r = resolve(model, relation);
            validate(r.target(), seen);
        }
    }

    /**
     * The DDL a model's relations need beyond its own table: an index on each foreign-key column of its table, the
     * join table of each owning {@code @ManyToMany} (with foreign keys both ways and an index on the inverse column),
     * and the foreign-key column of each one-way {@code @OneToMany} in the child's table (with its index).
     *
     * @param model the entity
     * @return the statements, idempotent ({@code IF NOT EXISTS}); run after the tables involved exist
     */
    public List<String> relationStatements(EntityModel<?> model) {
        List<String> statements = new ArrayList<>();
        for (RelationDdl ddl : relationDdl(model)) {
            statements.addAll(ddl.create());
        }
        return statements;
    }

    /**
     * The relation DDL of {@link #relationStatements(EntityModel)}, one entry per relation that needs any, with what
     * a schema diff checks: the foreign-key column, its constraint and its index.
     *
     * @param model the entity
     * @return the entries
     */
    public List<RelationDdl> relationDdl(EntityModel<?> model) {
        List<RelationDdl> ddl = new ArrayList<>();
        for (RelationProperty property : model.relations()) {
            ResolvedRelation relation = resolve(model, property);
            EntityModel<?> target = relation.target();
            switch (relation.shape()) {
                case TO_ONE -> {
                    String column = Objects.requireNonNull(property.column(), "a to-one has its column")
                            .columnName();
                    String index = index(model, relation.foreignKey(), column);
                    ddl.add(new RelationDdl(
                            RelationDdl.Kind.OWN_COLUMN,
                            model.qualifiedTable(),
                            column,
                            List.of(index),
                            foreignKey(model, relation.foreignKey(), target, ""),
                            index));
                }
                case CHILD_FOREIGN_KEY -> {
                    if (relation.childForeignKey() == null) {
                        String index = index(target, relation.foreignKey(), unquote(relation.foreignKey()));
                        ddl.add(new RelationDdl(
                                RelationDdl.Kind.CHILD_COLUMN,
                                target.qualifiedTable(),
                                unquote(relation.foreignKey()),
                                List.of(
                                        "ALTER TABLE " + target.qualifiedTable() + " ADD COLUMN IF NOT EXISTS "
                                                + relation.foreignKey() + " "
                                                + model.id().codec().sqlType()
                                                + " REFERENCES " + model.qualifiedTable() + " ("
                                                + model.id().quotedColumn() + ") ON DELETE CASCADE",
                                        index),
                                foreignKey(target, relation.foreignKey(), model, " ON DELETE CASCADE"),
                                index));
                    }
                }
                case JOIN_TABLE -> {
                    if (relation.owned()) {
                        String inverse = Objects.requireNonNull(
                                relation.inverseColumn(), "a join-table relation has its inverse column");
                        String joinTable =
                                Objects.requireNonNull(relation.joinTable(), "a join-table relation has its table");
                        String table = unquote(joinTable.substring(joinTable.lastIndexOf('.') + 1));
                        String index = "CREATE INDEX IF NOT EXISTS "
                                + Identifiers.quote(indexName(table, unquote(inverse)), "index name")
                                + " ON " + joinTable + " (" + inverse + ")";
                        ddl.add(new RelationDdl(
                                RelationDdl.Kind.JOIN_TABLE,
                                joinTable,
                                unquote(inverse),
                                List.of(
                                        "CREATE TABLE IF NOT EXISTS " + joinTable + " ("
                                                + relation.foreignKey() + " "
                                                + model.id().codec().sqlType() + " NOT NULL REFERENCES "
                                                + model.qualifiedTable() + " ("
                                                + model.id().quotedColumn()
                                                + ") ON DELETE CASCADE, "
                                                + inverse + " "
                                                + target.id().codec().sqlType()
                                                + " NOT NULL REFERENCES "
                                                + target.qualifiedTable() + " ("
                                                + target.id().quotedColumn()
                                                + "), PRIMARY KEY ("
                                                + relation.foreignKey() + ", " + inverse + "))",
                                        index),
                                "",
                                index));
                    }
                }
                default -> throw new IllegalStateException(relation.shape().name());
            }
        }
        return ddl;
    }

    private static String foreignKey(EntityModel<?> owner, String quotedColumn, EntityModel<?> target, String action) {
        return "ALTER TABLE " + owner.qualifiedTable() + " ADD FOREIGN KEY (" + quotedColumn + ") REFERENCES "
                + target.qualifiedTable() + " (" + target.id().quotedColumn() + ")" + action;
    }

    private static String index(EntityModel<?> model, String quotedColumn, String column) {
        return "CREATE INDEX IF NOT EXISTS " + Identifiers.quote(indexName(model.tableName(), column), "index name")
                + " ON " + model.qualifiedTable() + " (" + quotedColumn + ")";
    }

    private static String indexName(String table, String column) {
        String name = table + "_" + column + "_idx";
        return name.length() > Identifiers.MAX_LENGTH ? name.substring(0, Identifiers.MAX_LENGTH) : name;
    }

    private static String unquote(String quoted) {
        return quoted.startsWith("\"")
                ? quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"")
                : quoted;
    }

    /**
     * The entities a model's DDL refers to: to-one targets, owning many-to-many targets and one-way children.
     *
     * @param model the entity
     * @return the classes whose tables must exist first
     */
    public List<Class<?>> dependencies(EntityModel<?> model) {
        List<Class<?>> dependencies = new ArrayList<>();
        for (RelationProperty property : model.relations()) {
            ResolvedRelation relation = resolve(model, property);
            boolean needed = switch (relation.shape()) {
                case TO_ONE -> true;
                case CHILD_FOREIGN_KEY -> relation.childForeignKey() == null;
                case JOIN_TABLE -> relation.owned();
            };
            if (needed && property.target() != model.type()) {
                dependencies.add(property.target());
            }
        }
        return dependencies;
    }

    /**
     * How the rows of a to-many (or inverse one-to-one) relation link, for the query DSL's {@code EXISTS} over it.
     *
     * @param source the declaring entity
     * @param property the relation property's name
     * @return the child table's foreign key, or the join table and its columns
     * @throws IllegalArgumentException when the property is no to-many relation of {@code source}
     */
    public RelationLink link(Class<?> source, String property) {
        EntityModel<?> model = models.get(source);
        RelationProperty relation = model.relation(property)
                .filter(r -> r.column() == null)
                .orElseThrow(() -> new IllegalArgumentException(source.getSimpleName() + "." + property
                        + " is not a to-many (or inverse one-to-one) relation of " + source.getSimpleName()
                        + "; regenerate the metamodel"));
        ResolvedRelation resolved = resolve(model, relation);
        return new RelationLink(resolved.foreignKey(), resolved.joinTable(), resolved.inverseColumn());
    }

    /**
     * The resolved relation of a model.
     *
     * @param source the declaring model
     * @param relation one of its relations
     * @return the resolved relation
     */
    ResolvedRelation resolve(EntityModel<?> source, RelationProperty relation) {
        ResolvedRelation result = resolved.get(relation);
        if (result == null) {
            result = build(source, relation);
            resolved.putIfAbsent(relation, result);
        }
        return result;
    }

    private ResolvedRelation build(EntityModel<?> source, RelationProperty relation) {
        String where = relation.qualifiedName();
        EntityModel<?> target = models.get(relation.target());
        OrderBy order = relation.element().getAnnotation(OrderBy.class);
        if (order != null && !relation.toMany()) {
            throw new EntityMappingException(
                    "Cannot map " + where + ": @OrderBy orders a to-many collection; remove it");
        }
        String orderBy = relation.toMany() ? orderBy(where, target, order) : "";
        JoinColumn joinColumn = relation.element().getAnnotation(JoinColumn.class);
        String columns = columns(target, "t.");
        switch (relation.kind()) {
            case MANY_TO_ONE, ONE_TO_ONE -> {
                PropertyModel column = relation.column();
                if (column != null) {
                    String sql = "SELECT " + columns + " FROM " + target.qualifiedTable() + " t WHERE t."
                            + target.id().quotedColumn() + " = ANY(" + IdArrays.placeholder(target.id()) + ")";
                    return new ResolvedRelation(
                            relation,
                            source,
                            target,
                            ResolvedRelation.Shape.TO_ONE,
                            column.quotedColumn(),
                            null,
                            null,
                            null,
                            "",
                            false,
                            sql);
                }
                String mappedBy =
                        relation.element().getAnnotation(OneToOne.class).mappedBy();
                PropertyModel childKey = mappedBy(where, "@OneToOne", source, target, mappedBy);
                return childForeignKey(relation, source, target, childKey.quotedColumn(), childKey, orderBy, false);
            }
            case ONE_TO_MANY -> {
                OneToMany annotation = relation.element().getAnnotation(OneToMany.class);
                if (!annotation.mappedBy().isEmpty() && joinColumn != null) {
                    throw new EntityMappingException("Cannot map " + where + ": it has both mappedBy and @JoinColumn;"
                            + " keep mappedBy when " + target.type().getSimpleName() + " has a @ManyToOne back to "
                            + source.type().getSimpleName() + ", @JoinColumn for a one-way relation");
                }
                if (annotation.mappedBy().isEmpty() && joinColumn == null) {
                    throw new EntityMappingException("Cannot map " + where + ": a @OneToMany needs mappedBy = \"<the "
                            + target.type().getSimpleName() + " property that refers to "
                            + source.type().getSimpleName() + ">\", or @JoinColumn(name = \"<the column of "
                            + target.tableName() + " that holds the "
                            + source.type().getSimpleName()
                            + " id>\") for a one-way relation");
                }
                if (joinColumn != null) {
                    String column = quote(where, joinColumn.name(), "@JoinColumn(name = ...)");
                    Optional<PropertyModel> clash = target.properties().stream()
                            .filter(p -> p.quotedColumn().equals(column))
                            .findFirst();
                    if (clash.isPresent() && !isReferenceTo(clash.get(), target, source)) {
                        throw new EntityMappingException("Cannot map " + where + ": @JoinColumn(name = \""
                                + joinColumn.name() + "\") is the column of "
                                + clash.get().qualifiedName()
                                + ", which is not a reference to "
                                + source.type().getSimpleName()
                                + "; name the foreign-key column of " + target.tableName() + " that refers to "
                                + source.tableName());
                    }
                    return childForeignKey(
                            relation, source, target, column, clash.orElse(null), orderBy, annotation.owned());
                }
                PropertyModel childKey = mappedBy(where, "@OneToMany", source, target, annotation.mappedBy());
                return childForeignKey(
                        relation, source, target, childKey.quotedColumn(), childKey, orderBy, annotation.owned());
            }
            case MANY_TO_MANY -> {
                if (joinColumn != null) {
                    throw new EntityMappingException("Cannot map " + where + ": a @ManyToMany joins through"
                            + " @JoinTable(name, joinColumn, inverseJoinColumn), not @JoinColumn; replace it");
                }
                ManyToMany annotation = relation.element().getAnnotation(ManyToMany.class);
                JoinTable table;
                EntityModel<?> owner = source;
                EntityModel<?> inverse = target;
                if (annotation.mappedBy().isEmpty()) {
                    table = relation.element().getAnnotation(JoinTable.class);
                } else {
                    RelationProperty owning = target.relation(annotation.mappedBy())
                            .filter(r -> r.kind() == RelationProperty.Kind.MANY_TO_MANY && r.target() == source.type())
                            .orElseThrow(() -> new EntityMappingException("Cannot map " + where + ": mappedBy = \""
                                    + annotation.mappedBy() + "\" names no @ManyToMany of "
                                    + target.type().getSimpleName() + " to "
                                    + source.type().getSimpleName() + "; "
                                    + hint(
                                            target,
                                            annotation.mappedBy(),
                                            target.relations().stream()
                                                    .filter(r -> r.kind() == RelationProperty.Kind.MANY_TO_MANY)
                                                    .map(RelationProperty::name)
                                                    .toList())));
                    table = owning.element().getAnnotation(JoinTable.class);
                    owner = target;
                    inverse = source;
                }
                String ownerColumn = table == null || table.joinColumn().isEmpty()
                        ? NamingStrategy.snakeCase(owner.type().getSimpleName()) + "_id"
                        : table.joinColumn();
                String inverseColumn =
                        table == null || table.inverseJoinColumn().isEmpty()
                                ? NamingStrategy.snakeCase(inverse.type().getSimpleName()) + "_id"
                                : table.inverseJoinColumn();
                String tableName = table == null ? owner.tableName() + "_" + inverse.tableName() : table.name();
                String qualified;
                try {
                    qualified = Identifiers.qualified(table == null ? "" : table.schema(), tableName, "join table");
                } catch (IllegalArgumentException ex) {
                    throw new EntityMappingException(
                            "Cannot map " + where + ": " + ex.getMessage() + " (set @JoinTable(name = ...))");
                }
                String fromSource = quote(where, owner == source ? ownerColumn : inverseColumn, "@JoinTable");
                String toTarget = quote(where, owner == source ? inverseColumn : ownerColumn, "@JoinTable");
                String sql = "SELECT " + columns + ", j." + fromSource + " FROM " + target.qualifiedTable()
                        + " t JOIN " + qualified + " j ON j." + toTarget + " = t."
                        + target.id().quotedColumn()
                        + " WHERE j." + fromSource + " = ANY(" + IdArrays.placeholder(source.id()) + ") ORDER BY "
                        + orderBy;
                return new ResolvedRelation(
                        relation,
                        source,
                        target,
                        ResolvedRelation.Shape.JOIN_TABLE,
                        fromSource,
                        null,
                        qualified,
                        toTarget,
                        orderBy,
                        annotation.mappedBy().isEmpty(),
                        sql);
            }
            default -> throw new IllegalStateException(relation.kind().name());
        }
    }

    private static ResolvedRelation childForeignKey(
            RelationProperty relation,
            EntityModel<?> source,
            EntityModel<?> target,
            String column,
            @Nullable PropertyModel childKey,
            String orderBy,
            boolean owned) {
        // With mappedBy the foreign key is one of the target's own columns; a one-way key is selected at the end.
        String sql = "SELECT " + columns(target, "t.") + (childKey == null ? ", t." + column : "") + " FROM "
                + target.qualifiedTable() + " t WHERE t." + column + " = ANY(" + IdArrays.placeholder(source.id())
                + ")" + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy);
        return new ResolvedRelation(
                relation,
                source,
                target,
                ResolvedRelation.Shape.CHILD_FOREIGN_KEY,
                column,
                childKey,
                null,
                null,
                orderBy,
                owned,
                sql);
    }

    private PropertyModel mappedBy(
            String where, String annotation, EntityModel<?> source, EntityModel<?> target, String mappedBy) {
        RelationProperty back = target.relation(mappedBy).orElse(null);
        if (back == null) {
            List<String> candidates = target.relations().stream()
                    .filter(r -> r.column() != null)
                    .map(RelationProperty::name)
                    .toList();
            throw new EntityMappingException("Cannot map " + where + ": " + annotation + "(mappedBy = \"" + mappedBy
                    + "\") names no relation property of " + target.type().getSimpleName() + "; "
                    + hint(target, mappedBy, candidates));
        }
        PropertyModel column = back.column();
        if (column == null || back.target() != source.type()) {
            throw new EntityMappingException("Cannot map " + where + ": mappedBy = \"" + mappedBy + "\" names "
                    + back.qualifiedName() + ", which is not a @ManyToOne (or owning @OneToOne) to "
                    + source.type().getSimpleName() + "; name the "
                    + target.type().getSimpleName()
                    + " property whose foreign key refers to " + source.type().getSimpleName());
        }
        return column;
    }

    private static String hint(EntityModel<?> target, String name, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        if (best != null && bestDistance <= Math.max(2, name.length() / 3)) {
            return "did you mean '" + best + "'?";
        }
        return candidates.isEmpty()
                ? target.type().getSimpleName() + " has no such relation; add a @ManyToOne to it"
                : "the candidates are " + candidates;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static boolean isReferenceTo(PropertyModel property, EntityModel<?> owner, EntityModel<?> target) {
        return owner.relations().stream().anyMatch(r -> r.column() == property && r.target() == target.type())
                || property.role() == PropertyModel.Role.PLAIN;
    }

    private static String quote(String where, String column, String fix) {
        try {
            return Identifiers.quote(column, "join column");
        } catch (IllegalArgumentException ex) {
            throw new EntityMappingException("Cannot map " + where + ": " + ex.getMessage() + " (fix " + fix + ")");
        }
    }

    /** The target's columns in property order, each qualified with {@code alias}. */
    static String columns(EntityModel<?> model, String alias) {
        return model.properties().stream().map(p -> alias + p.quotedColumn()).collect(Collectors.joining(", "));
    }

    private static String orderBy(String where, EntityModel<?> target, @Nullable OrderBy order) {
        if (order == null || order.value().isBlank()) {
            return "t." + target.id().quotedColumn();
        }
        List<String> terms = new ArrayList<>();
        for (String term : order.value().split(",")) {
            String[] words = term.trim().split("\\s+");
            String direction = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "ASC";
            if (words.length > 2 || !(direction.equals("ASC") || direction.equals("DESC"))) {
                throw new EntityMappingException("Cannot map " + where + ": @OrderBy(\"" + order.value()
                        + "\") must list property names, each optionally followed by ASC or DESC");
            }
            PropertyModel property = target.property(words[0])
                    .orElseThrow(() -> new EntityMappingException("Cannot map " + where + ": @OrderBy names '"
                            + words[0] + "', which is not a property of "
                            + target.type().getSimpleName() + "; "
                            + hint(
                                    target,
                                    words[0],
                                    target.properties().stream()
                                            .map(PropertyModel::name)
                                            .toList())));
            terms.add("t." + property.quotedColumn() + (direction.equals("DESC") ? " DESC" : ""));
        }
        return String.join(", ", terms);
    }
}
