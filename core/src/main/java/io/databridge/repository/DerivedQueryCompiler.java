package io.databridge.repository;

import io.databridge.DataBridge;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.InterfaceProjection;
import io.databridge.internal.model.JavaTypes;
import io.databridge.internal.model.PropertyModel;
import io.databridge.mapping.EntityMappingException;
import io.databridge.query.Column;
import io.databridge.query.SelectQuery;
import io.databridge.query.SortOrder;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.ResolvableType;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * Compiles a derived query method ({@code findByEmail}, {@code countByAgeLessThan}, {@code
 * findTop3ByActiveTrueOrderByNameAsc}, ...) once, when the repository is created: the name is parsed with Spring Data's
 * {@link PartTree}, every property is resolved against the entity model, every parameter and the return type are
 * checked, and the result is a query DSL template ({@code db.from(User.class)} with its distinct, order and limit) plus
 * compiled criteria. A method that cannot be implemented fails here with a {@link RepositoryDefinitionException}.
 *
 * @param <T> the entity type
 */
final class DerivedQueryCompiler<T> {

    /** Creates the startup failure for a method. */
    @FunctionalInterface
    interface Failures {
        RepositoryDefinitionException fail(Method method, String problem);
    }

    /** What the query does: the name's prefix. */
    enum Kind {
        FIND,
        COUNT,
        EXISTS,
        DELETE
    }

    private final Class<?> repositoryInterface;
    private final DataBridge db;
    private final EntityModel<T> model;
    private final EntityOrder order;
    private final Failures failures;

    DerivedQueryCompiler(Class<?> repositoryInterface, DataBridge db, EntityModel<T> model, EntityOrder order) {
        this.repositoryInterface = repositoryInterface;
        this.db = db;
        this.model = model;
        this.order = order;
        this.failures = (method, problem) -> new RepositoryDefinitionException(repositoryInterface, method, problem);
    }

    MethodInvoker compile(Method method) {
        PartTree tree;
        try {
            tree = new PartTree(method.getName(), model.type());
        } catch (PropertyReferenceException ex) {
            throw failures.fail(method, noProperty(ex));
        } catch (IllegalArgumentException | IllegalStateException ex) {
            throw failures.fail(
                    method, "its name cannot be parsed: " + ex.getMessage() + " (see the keyword table in the docs)");
        }
        Kind kind = tree.isDelete()
                ? Kind.DELETE
                : tree.isCountProjection() ? Kind.COUNT : tree.isExistsProjection() ? Kind.EXISTS : Kind.FIND;

        int pageableIndex = -1;
        int sortIndex = -1;
        List<Integer> valueParameters = new ArrayList<>();
        Class<?>[] parameterTypes = method.getParameterTypes();
        for (int i = 0; i < parameterTypes.length; i++) {
            if (Pageable.class.isAssignableFrom(parameterTypes[i]) && pageableIndex < 0) {
                pageableIndex = i;
            } else if (Sort.class.isAssignableFrom(parameterTypes[i]) && sortIndex < 0) {
                sortIndex = i;
            } else {
                valueParameters.add(i);
            }
        }
        if (kind != Kind.FIND && (pageableIndex >= 0 || sortIndex >= 0)) {
            throw failures.fail(
                    method,
                    "a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " query cannot take a Pageable or Sort"
                            + " (remove the parameter)");
        }
        if (tree.isLimiting() && pageableIndex >= 0) {
            throw failures.fail(
                    method, "First/Top cannot be combined with a Pageable (remove one of them; the page size limits)");
        }
        DerivedCriteria criteria =
                new DerivedCriteria.Compiler(failures, db, method, model, order, valueParameters).compile(tree);

        List<SortOrder> staticOrder;
        try {
            staticOrder = order.sortOrders(tree.getSort());
        } catch (RuntimeException ex) {
            throw failures.fail(method, String.valueOf(ex.getMessage()));
        }
        SelectQuery<T> base = db.from(model.type());
        if (tree.isDistinct()) {
            base = base.distinct();
        }
        ResolvableType returnType = ResolvableType.forMethodReturnType(method, repositoryInterface);
        Class<?> raw = returnType.resolve(Object.class);
        return switch (kind) {
            case COUNT -> {
                requireReturn(method, returnType, raw == long.class || raw == Long.class || isInt(raw), "long or int");
                yield new DerivedQueryInvoker.Count(base, criteria, isInt(raw));
            }
            case EXISTS -> {
                requireReturn(method, returnType, raw == boolean.class || raw == Boolean.class, "boolean");
                yield new DerivedQueryInvoker.Exists(base, criteria);
            }
            case DELETE -> {
                boolean rows = (raw == List.class || raw == Collection.class || raw == Iterable.class)
                        && returnType.getGeneric(0).resolve() == model.type();
                requireReturn(
                        method,
                        returnType,
                        rows || raw == void.class || raw == long.class || raw == Long.class || isInt(raw),
                        "void, long, int or List<" + model.type().getSimpleName() + ">");
                int result = rows
                        ? DerivedQueryInvoker.Delete.ROWS
                        : isInt(raw)
                                ? DerivedQueryInvoker.Delete.INT
                                : raw == void.class ? DerivedQueryInvoker.Delete.VOID : DerivedQueryInvoker.Delete.LONG;
                yield new DerivedQueryInvoker.Delete(base, criteria, result);
            }
            case FIND -> find(method, tree, returnType, raw, base, criteria, staticOrder, pageableIndex, sortIndex);
        };
    }

    private MethodInvoker find(
            Method method,
            PartTree tree,
            ResolvableType returnType,
            Class<?> raw,
            SelectQuery<T> base,
            DerivedCriteria criteria,
            List<SortOrder> staticOrder,
            int pageableIndex,
            int sortIndex) {
        ResultShape shape = ResultShape.ofRows(raw);
        ResolvableType element = shape == ResultShape.SINGLE ? returnType : returnType.getGeneric(0);
        Class<?> rowType = element.resolve();
        if ((shape == ResultShape.PAGE || shape == ResultShape.SLICE) && pageableIndex < 0) {
            throw failures.fail(
                    method,
                    "it returns a " + raw.getSimpleName() + " but has no Pageable parameter (add one, or return a"
                            + " List)");
        }
        List<Column<?, Object>> projection = null;
        InterfaceProjection<?> adapter = null;
        if (rowType != null && rowType != model.type() && rowType.isRecord()) {
            List<Target> targets = new ArrayList<>();
            for (RecordComponent component : rowType.getRecordComponents()) {
                targets.add(new Target(
                        component.getName(), component.getType(), "component '" + component.getName() + "'"));
            }
            projection =
                    projection(method, "record " + rowType.getSimpleName(), targets, tree.isDistinct(), tree.getSort());
        } else if (rowType != null
                && InterfaceProjection.isProjection(
                        rowType, PgRepositoryFactory.models(db).codecs())) {
            try {
                adapter = InterfaceProjection.of(rowType);
            } catch (EntityMappingException ex) {
                throw failures.fail(method, String.valueOf(ex.getMessage()));
            }
            List<Target> targets = new ArrayList<>();
            for (InterfaceProjection.Accessor accessor : adapter.accessors()) {
                targets.add(new Target(accessor.property(), accessor.type(), "accessor " + accessor.describe()));
            }
            projection = projection(
                    method, "interface " + rowType.getSimpleName(), targets, tree.isDistinct(), tree.getSort());
        } else if (rowType != model.type()) {
            throw failures.fail(
                    method,
                    "return type " + returnType + " is not supported (return "
                            + model.type().getSimpleName()
                            + " or a record or interface projection of it, or an Optional, List, Stream, Page or"
                            + " Slice of one)");
        }
        Integer top = tree.isLimiting() ? tree.getMaxResults() : null;
        return new DerivedQueryInvoker.Find<>(
                base,
                criteria,
                order,
                staticOrder,
                model.idColumns().stream()
                        .map(column -> order.column(column).asc())
                        .toList(),
                top,
                pageableIndex,
                sortIndex,
                shape,
                rowType,
                projection,
                adapter);
    }

    /** A record component or interface accessor to select: the property it names and the type it declares. */
    private record Target(String property, Class<?> type, String description) {}

    /**
     * The columns of a projection, checked against the entity: every target names a property whose type it can hold.
     *
     * @param what {@code record NameOnly} or {@code interface CustomerView}, for messages
     */
    private List<Column<?, Object>> projection(
            Method method, String what, List<Target> targets, boolean distinct, Sort sort) {
        List<Column<?, Object>> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String entity = model.type().getSimpleName();
        for (Target target : targets) {
            PropertyModel property = model.property(target.property())
                    .orElseThrow(() -> failures.fail(
                            method,
                            what + " has " + target.description() + ", which is not a property of " + entity
                                    + " (name the " + (what.startsWith("record") ? "components" : "accessors")
                                    + " after properties of " + entity + ": " + propertyNames(model) + ")"));
            Class<?> propertyType = JavaTypes.box(property.valueType().rawType());
            if (!JavaTypes.box(target.type()).isAssignableFrom(propertyType)) {
                throw failures.fail(
                        method,
                        what + " " + target.description() + " is "
                                + target.type().getSimpleName() + " but " + entity
                                + "." + property.name() + " is " + propertyType.getSimpleName() + " (declare it as "
                                + propertyType.getSimpleName() + ")");
            }
            columns.add(order.column(property));
            names.add(property.name());
        }
        if (distinct) {
            for (Sort.Order key : sort) {
                if (!names.contains(key.getProperty())) {
                    throw failures.fail(
                            method,
                            "Distinct rows of " + what.substring(what.indexOf(' ') + 1) + " cannot be ordered by '"
                                    + key.getProperty() + "', which is not one of its "
                                    + (what.startsWith("record") ? "components" : "properties")
                                    + " (PostgreSQL requires it; order by a component or add one)");
                }
            }
        }
        return List.copyOf(columns);
    }

    private void requireReturn(Method method, ResolvableType returnType, boolean ok, String expected) {
        if (!ok) {
            throw failures.fail(
                    method, "return type " + returnType + " is not supported for this query (return " + expected + ")");
        }
    }

    private static boolean isInt(Class<?> type) {
        return type == int.class || type == Integer.class;
    }

    /**
     * The message for a property the entity does not have, with the closest property name as a hint.
     *
     * @param model the entity model
     * @param name the property name the method used
     * @return {@code User has no property 'nmae' (did you mean 'name'?)}
     */
    static String noProperty(EntityModel<?> model, String name) {
        List<String> names = propertyNames(model);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : names) {
            int distance =
                    distance(name.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        String prefix = model.type().getSimpleName() + " has no property '" + name + "'";
        if (best != null && bestDistance <= Math.max(2, name.length() / 3)) {
            return prefix + " (did you mean '" + best + "'?)";
        }
        return prefix + " (use one of " + names + ")";
    }

    /** The properties a derived query can name: the columns, then the to-many relations. */
    private static List<String> propertyNames(EntityModel<?> model) {
        List<String> names = new ArrayList<>();
        model.properties().forEach(property -> names.add(property.name()));
        model.relations().stream()
                .filter(relation -> !names.contains(relation.name()))
                .forEach(relation -> names.add(relation.name()));
        return names;
    }

    /**
     * The message for a name Spring Data's parser could not resolve: the entity where the path broke off (a
     * relation's target for a nested path), with the closest name.
     */
    private String noProperty(PropertyReferenceException ex) {
        Class<?> type = ex.getType().getType();
        EntityModel<?> where = type != model.type() && io.databridge.internal.model.EntityModels.isEntity(type)
                ? PgRepositoryFactory.models(db).get(type)
                : model;
        org.springframework.data.core.PropertyPath base = ex.getBaseProperty();
        String walked = base == null ? "" : "after '" + base.toDotPath() + "', ";
        return walked + noProperty(where, ex.getPropertyName());
    }

    /** Optimal string alignment distance: edits, counting a swap of neighbours as one. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
