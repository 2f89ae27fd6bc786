package io.databridge.repository;

import static io.databridge.query.Expressions.lower;
import static io.databridge.query.Expressions.value;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.JavaTypes;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.RelationProperty;
import io.databridge.query.Column;
import io.databridge.query.Condition;
import io.databridge.query.Expression;
import io.databridge.query.Expressions;
import io.databridge.query.ToMany;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * Compiles the criteria of a derived query ({@code findByNameAndAgeGreaterThan}) once into query DSL conditions: each
 * {@link Part} is checked against the entity model and the method's parameters and becomes a {@link Criterion} that
 * per call only builds its condition from the arguments. Immutable and thread-safe once built.
 */
final class DerivedCriteria {

    /** One compiled part: builds its condition from the call's arguments. */
    @FunctionalInterface
    interface Criterion {
        Condition build(@Nullable Object[] args);
    }

    /** The {@code OR} of {@code AND} groups, as PartTree reads the name. */
    private final List<List<Criterion>> alternatives;

    private DerivedCriteria(List<List<Criterion>> alternatives) {
        this.alternatives = alternatives;
    }

    /**
     * The condition for one call, or {@code null} when the name has no criteria ({@code findAllByOrderByName}).
     *
     * @param args the call's arguments
     * @return the condition
     */
    @Nullable
    Condition where(@Nullable Object[] args) {
        Condition result = null;
        for (List<Criterion> group : alternatives) {
            Condition and = null;
            for (Criterion criterion : group) {
                Condition condition = criterion.build(args);
                and = and == null ? condition : and.and(condition);
            }
            if (and != null) {
                result = result == null ? and : result.or(and);
            }
        }
        return result;
    }

    /** Checks the parts of a method name and compiles them. */
    static final class Compiler {

        private final DerivedQueryCompiler.Failures failures;
        private final io.databridge.DataBridge db;
        private final Method method;
        private final EntityModel<?> model;
        private final EntityOrder order;
        private final List<Integer> valueParameters;
        private int next;

        Compiler(
                DerivedQueryCompiler.Failures failures,
                io.databridge.DataBridge db,
                Method method,
                EntityModel<?> model,
                EntityOrder order,
                List<Integer> valueParameters) {
            this.failures = failures;
            this.db = db;
            this.method = method;
            this.model = model;
            this.order = order;
            this.valueParameters = valueParameters;
        }

        DerivedCriteria compile(PartTree tree) {
            int needed = 0;
            List<String> names = new ArrayList<>();
            for (Part part : tree.getParts()) {
                needed += part.getNumberOfArguments();
                if (part.getNumberOfArguments() > 0) {
                    names.add(part.getProperty().toDotPath());
                }
            }
            if (needed != valueParameters.size()) {
                throw failures.fail(
                        method,
                        "its name needs " + needed + " parameter" + (needed == 1 ? "" : "s") + " " + names
                                + " but it declares " + valueParameters.size() + " (declare one parameter per"
                                + " criterion value, in name order; Between takes two)");
            }
            List<List<Criterion>> alternatives = new ArrayList<>();
            for (PartTree.OrPart or : tree) {
                List<Criterion> group = new ArrayList<>();
                for (Part part : or) {
                    group.add(part(part));
                }
                alternatives.add(List.copyOf(group));
            }
            return new DerivedCriteria(List.copyOf(alternatives));
        }

        private Criterion part(Part part) {
            PropertyPath path = part.getProperty();
            if (path.hasNext()) {
                // A column of an @Embedded value or a composite id (findByAddressCity): one property, "address.city".
                PropertyModel embedded = model.property(path.toDotPath()).orElse(null);
                return embedded != null ? part(part, embedded, order.column(embedded)) : nested(part, path);
            }
            PropertyModel property = property(path);
            return part(part, property, order.column(property));
        }

        /**
         * A criterion on a property reached through relations ({@code findByOwnerLastName}, {@code
         * findByPetsVisitsDescriptionContaining}, {@code findBySpecialtiesName}), built from the innermost comparison
         * outwards: a to-many step is {@code EXISTS} over the related rows ({@link ToMany#any(Condition)}), so a root
         * matches once however many related rows match; a to-one step is {@code fk IN (SELECT id FROM target WHERE
         * ...)}, and a path ending at the target's id compares the foreign key itself ({@code findByOwnerId}).
         */
        private Criterion nested(Part part, PropertyPath path) {
            List<Step> steps = new ArrayList<>();
            EntityModel<?> current = model;
            PropertyPath segment = path;
            while (segment.hasNext()) {
                EntityModel<?> source = current;
                String name = segment.getSegment();
                String walked = walked(path, steps.size());
                RelationProperty relation = source.relation(name)
                        .orElseThrow(() -> failures.fail(method, notARelation(path, walked, source, name)));
                current = PgRepositoryFactory.models(db).get(relation.target());
                steps.add(new Step(source, relation, current));
                segment = java.util.Objects.requireNonNull(segment.next(), "a nested path has a next segment");
            }
            EntityModel<?> leafModel = current;
            String leafName = segment.getSegment();
            PropertyModel property = leafModel
                    .property(leafName)
                    .orElseThrow(() -> failures.fail(method, DerivedQueryCompiler.noProperty(leafModel, leafName)));
            Step last = steps.get(steps.size() - 1);
            PropertyModel lastKey = last.relation().column();
            Criterion criterion;
            if (lastKey != null && property == leafModel.id()) {
                steps.remove(steps.size() - 1);
                criterion = part(part, property, column(last.source(), lastKey));
            } else {
                criterion = part(part, property, column(leafModel, property));
            }
            for (int i = steps.size() - 1; i >= 0; i--) {
                criterion = steps.get(i).wrap(db, criterion);
            }
            return criterion;
        }

        /** One relation a derived path walks. */
        private record Step(EntityModel<?> source, RelationProperty relation, EntityModel<?> target) {

            /** The criterion on the target's rows as a criterion on the source's rows. */
            Criterion wrap(io.databridge.DataBridge db, Criterion inner) {
                PropertyModel key = relation.column();
                if (key == null) {
                    // A to-many, or the inverse side of a one-to-one: the related rows hold the key.
                    ToMany<?, ?> many = ToMany.relation(source.type(), relation.name(), target.type());
                    return args -> many.any(inner.build(args));
                }
                Column<?, Object> foreignKey = column(source, key);
                Column<?, Object> targetId = column(target, target.id());
                Class<?> targetType = target.type();
                return args -> foreignKey.in(
                        db.from(targetType).where(inner.build(args)).select(targetId));
            }
        }

        /** The path up to the relation {@code steps} relations in: {@code pets.visits}. */
        private static String walked(PropertyPath path, int steps) {
            List<String> names = new ArrayList<>();
            PropertyPath segment = path;
            for (int i = 0; i <= steps && segment != null; i++) {
                names.add(segment.getSegment());
                segment = segment.next();
            }
            return String.join(".", names);
        }

        private static String notARelation(PropertyPath path, String walked, EntityModel<?> source, String name) {
            List<String> relations =
                    source.relations().stream().map(RelationProperty::name).toList();
            return "'" + path.toDotPath() + "' walks '" + walked + "', but "
                    + source.type().getSimpleName() + "."
                    + name + " is not a relation, so the path cannot continue past it; "
                    + source.type().getSimpleName() + "'s relations are " + relations
                    + " (write other paths with @Query or the DSL)";
        }

        private static Column<?, Object> column(EntityModel<?> owner, PropertyModel property) {
            return Column.of(owner.type(), property.name(), property.valueType().rawType());
        }

        private Criterion part(Part part, PropertyModel property, Column<?, Object> column) {
            Class<?> type = JavaTypes.box(property.valueType().rawType());
            boolean text = type == String.class;
            boolean multi = List.class.isAssignableFrom(type) || type.isArray();
            boolean ignoreCase = switch (part.shouldIgnoreCase()) {
                case ALWAYS -> {
                    if (!text) {
                        throw failures.fail(
                                method,
                                "IgnoreCase needs a String property but " + name(property) + " is "
                                        + type.getSimpleName() + " (remove IgnoreCase from that criterion)");
                    }
                    yield true;
                }
                case WHEN_POSSIBLE -> text;
                case NEVER -> false;
            };
            String keyword = keyword(part.getType());
            return switch (part.getType()) {
                case SIMPLE_PROPERTY -> {
                    int index = valueParameter(property, type);
                    yield ignoreCase
                            ? args -> args[index] == null
                                    ? column.isNull()
                                    : lower(EntityOrder.text(column)).eq(lower(value((String) args[index])))
                            : args -> args[index] == null ? column.isNull() : column.eq(args[index]);
                }
                case NEGATING_SIMPLE_PROPERTY -> {
                    int index = valueParameter(property, type);
                    yield ignoreCase
                            ? args -> args[index] == null
                                    ? column.isNotNull()
                                    : lower(EntityOrder.text(column)).ne(lower(value((String) args[index])))
                            : args -> args[index] == null ? column.isNotNull() : column.ne(args[index]);
                }
                case GREATER_THAN, AFTER -> comparison(property, type, ignoreCase, column, Op.GT);
                case GREATER_THAN_EQUAL -> comparison(property, type, ignoreCase, column, Op.GE);
                case LESS_THAN, BEFORE -> comparison(property, type, ignoreCase, column, Op.LT);
                case LESS_THAN_EQUAL -> comparison(property, type, ignoreCase, column, Op.LE);
                case BETWEEN -> {
                    int low = valueParameter(property, type);
                    int high = valueParameter(property, type);
                    yield args -> column.between(args[low], args[high]);
                }
                case IN, NOT_IN -> in(property, type, column, part.getType() == Part.Type.NOT_IN);
                case LIKE, NOT_LIKE -> {
                    int index = text(property, text, keyword);
                    Function<String, Condition> like = ignoreCase ? column::ilike : column::like;
                    yield negate(part.getType() == Part.Type.NOT_LIKE, args -> like.apply((String) args[index]));
                }
                case STARTING_WITH -> {
                    int index = text(property, text, keyword);
                    Function<String, Condition> like = ignoreCase ? column::startsWithIgnoreCase : column::startsWith;
                    yield args -> like.apply((String) args[index]);
                }
                case ENDING_WITH -> {
                    int index = text(property, text, keyword);
                    Function<String, Condition> like = ignoreCase ? column::endsWithIgnoreCase : column::endsWith;
                    yield args -> like.apply((String) args[index]);
                }
                case CONTAINING, NOT_CONTAINING -> {
                    boolean negated = part.getType() == Part.Type.NOT_CONTAINING;
                    if (multi && !text) {
                        int index = take();
                        yield negate(negated, args -> column.hasElement(requireArg(args[index], property)));
                    }
                    int index = text(property, text, keyword);
                    Function<String, Condition> like = ignoreCase ? column::containsIgnoreCase : column::contains;
                    yield negate(negated, args -> like.apply((String) args[index]));
                }
                case REGEX -> {
                    int index = text(property, text, keyword);
                    yield args -> column.matches((String) args[index]);
                }
                case IS_NULL -> args -> column.isNull();
                case IS_NOT_NULL -> args -> column.isNotNull();
                case TRUE, FALSE -> {
                    if (type != Boolean.class) {
                        throw failures.fail(
                                method,
                                keyword + " needs a boolean property but " + name(property) + " is "
                                        + type.getSimpleName() + " (compare it with a parameter instead)");
                    }
                    Condition condition = part.getType() == Part.Type.TRUE ? column.isTrue() : column.isFalse();
                    yield args -> condition;
                }
                case IS_EMPTY, IS_NOT_EMPTY -> {
                    if (!multi) {
                        throw failures.fail(
                                method,
                                keyword + " needs an array or List property but " + name(property) + " is "
                                        + type.getSimpleName() + " (use IsNull, or compare with \"\")");
                    }
                    Expression<Integer> cardinality = Expressions.function("cardinality", Integer.class, column);
                    Condition condition = part.getType() == Part.Type.IS_EMPTY ? cardinality.eq(0) : cardinality.gt(0);
                    yield args -> condition;
                }
                case NEAR, WITHIN, EXISTS ->
                    throw failures.fail(
                            method,
                            "the keyword " + keyword + " is not supported on PostgreSQL (write the query with @Query)");
            };
        }

        private enum Op {
            GT,
            GE,
            LT,
            LE
        }

        private Criterion comparison(
                PropertyModel property, Class<?> type, boolean ignoreCase, Column<?, Object> column, Op op) {
            int index = valueParameter(property, type);
            if (ignoreCase) {
                Expression<String> left = lower(EntityOrder.text(column));
                return args -> {
                    Expression<String> right = lower(value((String) requireArg(args[index], property)));
                    return switch (op) {
                        case GT -> left.gt(right);
                        case GE -> left.ge(right);
                        case LT -> left.lt(right);
                        case LE -> left.le(right);
                    };
                };
            }
            return args -> switch (op) {
                case GT -> column.gt(args[index]);
                case GE -> column.ge(args[index]);
                case LT -> column.lt(args[index]);
                case LE -> column.le(args[index]);
            };
        }

        private Criterion in(PropertyModel property, Class<?> type, Column<?, Object> column, boolean negated) {
            int index = take();
            MethodParameter parameter = new MethodParameter(method, index);
            Class<?> raw = parameter.getParameterType();
            ResolvableType resolved = ResolvableType.forMethodParameter(parameter);
            Class<?> element;
            if (raw.isArray()) {
                element = raw.getComponentType();
            } else if (Iterable.class.isAssignableFrom(raw)) {
                element = resolved.as(Iterable.class).resolveGeneric(0);
            } else {
                throw failures.fail(
                        method,
                        "parameter " + (index + 1) + " (" + raw.getSimpleName() + ") of In/NotIn on "
                                + name(property) + " must be a Collection or an array (declare it as Collection<"
                                + type.getSimpleName() + ">)");
            }
            if (element != null
                    && !JavaTypes.box(element).isAssignableFrom(type)
                    && !type.isAssignableFrom(JavaTypes.box(element))) {
                throw failures.fail(
                        method,
                        "parameter " + (index + 1) + " (" + resolved + ") does not match " + name(property) + " ("
                                + type.getSimpleName() + ") (declare it as Collection<" + type.getSimpleName()
                                + ">)");
            }
            return args -> {
                List<Object> values = values(args[index]);
                if (values.isEmpty()) {
                    // IN () matches no row, NOT IN () every row; SQL has no empty list, so say it directly
                    return Expressions.rawCondition(negated ? "TRUE" : "FALSE");
                }
                return negated ? column.notIn(values) : column.in(values);
            };
        }

        private static List<Object> values(@Nullable Object argument) {
            if (argument == null) {
                throw new IllegalArgumentException("In/NotIn got null; pass a collection (empty for none)");
            }
            List<Object> values = new ArrayList<>();
            if (argument instanceof Collection<?> collection) {
                values.addAll(collection);
            } else if (argument instanceof Iterable<?> iterable) {
                iterable.forEach(values::add);
            } else {
                int length = Array.getLength(argument);
                for (int i = 0; i < length; i++) {
                    values.add(Array.get(argument, i));
                }
            }
            return values;
        }

        private static Criterion negate(boolean negated, Criterion criterion) {
            return negated ? args -> criterion.build(args).not() : criterion;
        }

        private static Object requireArg(@Nullable Object value, PropertyModel property) {
            if (value == null) {
                throw new IllegalArgumentException(
                        property.name() + ": null cannot be compared; use IsNull or IsNotNull in the method name");
            }
            return value;
        }

        /** Takes the next parameter and checks that it can hold a value of the property. */
        private int valueParameter(PropertyModel property, Class<?> type) {
            int index = take();
            Class<?> parameter = JavaTypes.box(method.getParameterTypes()[index]);
            if (!type.isAssignableFrom(parameter)) {
                throw failures.fail(
                        method,
                        "parameter " + (index + 1) + " (" + method.getParameterTypes()[index].getSimpleName()
                                + ") does not match " + name(property) + " (" + type.getSimpleName()
                                + ") (declare it as " + type.getSimpleName() + ")");
            }
            return index;
        }

        private int text(PropertyModel property, boolean text, String keyword) {
            if (!text) {
                throw failures.fail(
                        method,
                        keyword + " needs a String property but " + name(property) + " is "
                                + JavaTypes.box(property.valueType().rawType()).getSimpleName()
                                + " (compare it with another keyword, e.g. Is or GreaterThan)");
            }
            return valueParameter(property, String.class);
        }

        private int take() {
            return valueParameters.get(next++);
        }

        private PropertyModel property(PropertyPath path) {
            if (path.hasNext()) {
                throw failures.fail(
                        method,
                        "'" + path.toDotPath() + "' is a nested property, which derived queries do not support"
                                + " (write the query with @Query)");
            }
            return model.property(path.getSegment())
                    .orElseThrow(
                            () -> failures.fail(method, DerivedQueryCompiler.noProperty(model, path.getSegment())));
        }

        private String name(PropertyModel property) {
            return model.type().getSimpleName() + "." + property.name();
        }

        /** The keyword as written in method names: {@code NOT_LIKE} is {@code NotLike}. */
        static String keyword(Part.Type type) {
            StringBuilder keyword = new StringBuilder();
            for (String word : type.name().split("_")) {
                keyword.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
            return keyword.toString();
        }
    }
}
