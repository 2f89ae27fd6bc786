package io.databridge.internal.model;

import io.databridge.mapping.Distributed;
import io.databridge.mapping.EntityMappingException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything data-bridge knows about one entity type, computed once: table, columns, id, version, timestamps, codecs
 * and accessors. Obtain one from {@link EntityModels#get(Class)}. Immutable and thread-safe.
 *
 * @param <T> the entity type
 */
public final class EntityModel<T> {

    /** The most properties whose getters are composed into one handle; past it a loop calls them one by one. */
    private static final int MAX_COMPOSED = 100;

    private final Class<T> type;
    private final String tableName;
    private final String schema;
    private final String qualifiedTable;
    private final List<PropertyModel> properties;
    private final Map<String, PropertyModel> byName;
    private final PropertyModel id;
    private final @Nullable PropertyModel version;
    private final List<IndexModel> indexes;
    private final boolean record;
    private final MethodHandle constructor;
    private final @Nullable Supplier<Object> factory;
    private final List<RelationProperty> relations;
    private final Map<String, RelationProperty> relationsByName;
    private final List<RelationProperty> placeholders;
    private final RelationProperty[] placeholderArray;
    private final @Nullable MethodHandle canonical;
    private final EntityReader<T> reader;
    private final @Nullable PropertyModel distributionColumn;
    private final Embedding.Part @Nullable [] parts;
    private final @Nullable Embedding compositeId;
    private final List<PropertyModel> idColumns;
    private final MethodHandle[] idAccessors;
    private final @Nullable MethodHandle valuesReader;

    private final String selectList;

    EntityModel(
            Class<T> type,
            String tableName,
            String schema,
            String qualifiedTable,
            List<PropertyModel> properties,
            Map<String, PropertyModel> byName,
            PropertyModel id,
            @Nullable PropertyModel version,
            List<IndexModel> indexes,
            boolean record,
            MethodHandle constructor,
            List<RelationProperty> relations,
            @Nullable MethodHandle canonical,
            Embedding.Part @Nullable [] parts,
            @Nullable Embedding compositeId) {
        this.type = type;
        this.tableName = tableName;
        this.schema = schema;
        this.qualifiedTable = qualifiedTable;
        this.properties = List.copyOf(properties);
        this.byName = Map.copyOf(byName);
        this.id = id;
        this.version = version;
        this.indexes = List.copyOf(indexes);
        this.record = record;
        this.constructor = constructor;
        this.factory = record ? null : factory(type);
        this.relations = List.copyOf(relations);
        Map<String, RelationProperty> relationMap = new java.util.HashMap<>();
        List<RelationProperty> withoutColumn = new java.util.ArrayList<>();
        for (RelationProperty relation : this.relations) {
            relationMap.put(relation.name(), relation);
            if (relation.column() == null) {
                withoutColumn.add(relation);
            }
        }
        this.relationsByName = Map.copyOf(relationMap);
        this.placeholders = List.copyOf(withoutColumn);
        this.placeholderArray = withoutColumn.toArray(new RelationProperty[0]);
        this.canonical = canonical;
        this.parts = parts;
        this.compositeId = compositeId;
        this.idColumns = compositeId == null
                ? List.of(id)
                : List.copyOf(this.properties.subList(compositeId.first(), compositeId.end()));
        this.idAccessors = compositeId == null ? new MethodHandle[0] : idAccessors(compositeId.type());
        int[] columns = new int[this.properties.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i + 1;
        }
        this.reader = EntityReader.of(this, columns);
        this.valuesReader = valuesReader(this.properties);
        this.selectList = selectList("");
        this.distributionColumn = distributionColumn(type, this.byName);
    }

    private static MethodHandle[] idAccessors(Class<?> idType) {
        java.lang.reflect.RecordComponent[] components = idType.getRecordComponents();
        MethodHandle[] accessors = new MethodHandle[components.length];
        java.lang.invoke.MethodHandles.Lookup lookup = EntityModels.lookupFor(idType);
        for (int i = 0; i < components.length; i++) {
            try {
                accessors[i] = lookup.unreflect(components[i].getAccessor())
                        .asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
            } catch (IllegalAccessException ex) {
                throw EntityModels.inaccessible(idType, ex);
            }
        }
        return accessors;
    }

    private static @Nullable PropertyModel distributionColumn(Class<?> type, Map<String, PropertyModel> byName) {
        Distributed distributed = type.getAnnotation(Distributed.class);
        if (distributed == null) {
            return null;
        }
        PropertyModel property = byName.get(distributed.by());
        if (property == null) {
            throw new EntityMappingException("Cannot map " + type.getName() + ": @Distributed(by = \""
                    + distributed.by() + "\") names no persistent property; name one of "
                    + new java.util.TreeSet<>(byName.keySet()));
        }
        return property;
    }

    /**
     * The entity class.
     *
     * @return the class
     */
    public Class<T> type() {
        return type;
    }

    /**
     * The unquoted table name.
     *
     * @return the table name
     */
    public String tableName() {
        return tableName;
    }

    /**
     * The schema, empty for the connection's {@code search_path}.
     *
     * @return the schema
     */
    public String schema() {
        return schema;
    }

    /**
     * The quoted, optionally schema-qualified table name for SQL text.
     *
     * @return e.g. {@code "users"} or {@code "app"."users"}
     */
    public String qualifiedTable() {
        return qualifiedTable;
    }

    /**
     * The persistent properties, in declaration order (record component order for records).
     *
     * @return the properties
     */
    public List<PropertyModel> properties() {
        return properties;
    }

    /**
     * Finds a property by its Java name.
     *
     * @param name the property name
     * @return the property, or empty
     */
    public Optional<PropertyModel> property(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The relation properties, in declaration order. A to-one owning side is also a column property.
     *
     * @return the relations
     */
    public List<RelationProperty> relations() {
        return relations;
    }

    /**
     * Finds a relation by its Java name.
     *
     * @param name the property name
     * @return the relation, or empty
     */
    public Optional<RelationProperty> relation(String name) {
        return Optional.ofNullable(relationsByName.get(name));
    }

    /**
     * A reference: an instance with only its id set (primitives zero, relations unfetched), standing for a row that
     * was not loaded.
     *
     * @param idValue the id
     * @return the reference
     */
    public T reference(Object idValue) {
        if (parts != null) {
            Object[] values = defaults();
            Object[] idParts = idParts(idValue);
            for (int i = 0; i < idParts.length; i++) {
                values[idColumns.get(i).index()] = idParts[i];
            }
            return instantiate(values);
        }
        if (record) {
            Object[] values = defaults();
            values[id.index()] = idValue;
            return type.cast(construct(values));
        }
        T instance = newInstance();
        id.set(instance, idValue);
        return instance;
    }

    /**
     * Values for {@link #instantiate(Object[])} when no row supplies them: zero for primitives, {@code null} for the
     * rest.
     *
     * @return a new array, one value per property
     */
    public @Nullable Object[] defaults() {
        Object[] values = new Object[properties.size()];
        for (PropertyModel property : properties) {
            // A value object's columns stay NULL, so that it reads as null rather than as zeros.
            if (property.primitive() && property.name().indexOf('.') < 0) {
                values[property.index()] = JavaTypes.zero(property.valueType().rawType());
            }
        }
        return values;
    }

    /**
     * Returns the entity with one relation replaced: the same instance, changed, for classes; a copy for records.
     *
     * @param entity the instance
     * @param relation one of {@link #relations()}
     * @param value the new value
     * @return {@code entity} or the new record
     */
    public T withRelation(T entity, RelationProperty relation, @Nullable Object value) {
        MethodHandle all = canonical;
        if (all == null) {
            relation.set(entity, value);
            return entity;
        }
        Embedding.Part[] members = parts;
        Object[] arguments;
        if (members == null) {
            arguments = new Object[properties.size() + placeholders.size()];
            for (PropertyModel property : properties) {
                arguments[componentOf(property.index())] = property.get(entity);
            }
        } else {
            arguments = new Object[members.length + placeholders.size()];
            Object[] values = values(entity);
            for (int i = 0; i < members.length; i++) {
                arguments[componentOf(i)] = members[i].value(values);
            }
        }
        for (RelationProperty other : placeholders) {
            arguments[other.component()] = other.get(entity);
        }
        arguments[relation.component()] = value;
        try {
            return type.cast((Object) all.invokeExact(arguments));
        } catch (Throwable ex) {
            throw new EntityMappingException(
                    "Cannot create " + type.getName() + ": its constructor threw "
                            + ex.getClass().getName(),
                    ex);
        }
    }

    private int componentOf(int member) {
        int position = member;
        for (RelationProperty other : placeholders) {
            if (other.component() <= position) {
                position++;
            }
        }
        return position;
    }

    /**
     * The id property.
     *
     * @return the id
     */
    public PropertyModel id() {
        return id;
    }

    /**
     * Whether the id is a record of several columns (a composite key); {@link #id()} then stands for the whole record,
     * with {@link PropertyModel#quotedColumn()} the comma-separated list of its columns and no codec of its own, and
     * {@link #idColumns()} are its columns.
     *
     * @return {@code true} for a composite id
     */
    public boolean compositeId() {
        return compositeId != null;
    }

    /**
     * The columns of the primary key: the id alone, or the columns of a composite id in component order.
     *
     * @return the id columns
     */
    public List<PropertyModel> idColumns() {
        return idColumns;
    }

    /**
     * The value of each {@link #idColumns() id column} for an id: the id itself, or a composite id's components.
     *
     * @param idValue an id of this entity
     * @return one value per id column
     */
    public @Nullable Object[] idParts(Object idValue) {
        if (compositeId == null) {
            return new Object[] {idValue};
        }
        Object[] values = new Object[idAccessors.length];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = (Object) idAccessors[i].invokeExact(idValue);
            } catch (Throwable ex) {
                throw new EntityMappingException("Cannot read the id of " + type.getName() + ": " + ex, ex);
            }
        }
        return values;
    }

    /**
     * The id held by an entity's values.
     *
     * @param values one value per property, as {@link #values(Object)} returns them
     * @return the id, {@code null} when unset (a composite id whose columns are all {@code NULL})
     */
    public @Nullable Object idValue(@Nullable Object[] values) {
        Embedding composite = compositeId;
        return composite == null ? values[id.index()] : composite.assemble(values);
    }

    /**
     * Whether the entity has {@code @Embedded} value objects or a composite id, so that its values are not one per
     * constructor argument or field.
     *
     * @return {@code true} when some columns belong to a value object
     */
    public boolean hasValueObjects() {
        return parts != null;
    }

    /**
     * The {@link Version} property, if any.
     *
     * @return the version property or {@code null}
     */
    public @Nullable PropertyModel version() {
        return version;
    }

    /**
     * The quoted columns of every property in property order, {@code "id", "email", ...}: what every statement that
     * reads an entity back selects (or returns), so the entity's reader can read them by position.
     *
     * @return the column list, computed once
     */
    public String selectList() {
        return selectList;
    }

    /**
     * The column list of {@link #selectList()} with each column prefixed, e.g. {@code b_t."id", b_t."email"}.
     *
     * @param qualifier what goes before each column, e.g. {@code b_t.}; empty for none
     * @return the column list
     */
    public String selectList(String qualifier) {
        StringJoiner list = new StringJoiner(", ");
        for (PropertyModel property : properties) {
            list.add(qualifier + property.quotedColumn());
        }
        return list.toString();
    }

    /**
     * Whether {@code save} inserts this entity rather than updating it: with a generated id, when the id is unset;
     * with an assigned id and a {@code @Version}, when the version is unset. An assigned id without a version cannot
     * tell (save upserts it), so it is not new here.
     *
     * @param entity an instance of this entity
     * @return whether it has not been stored yet, as far as the model can tell
     */
    public boolean isNew(T entity) {
        if (id.generated()) {
            return id.isUnset(id.get(entity));
        }
        return version != null && version.isUnset(version.get(entity));
    }

    /**
     * The {@link Distributed distribution column} of a sharded table, if the entity declares one.
     *
     * @return the property named by {@code @Distributed(by = ...)}, or empty
     */
    public Optional<PropertyModel> distributionColumn() {
        return Optional.ofNullable(distributionColumn);
    }

    /**
     * The declared indexes.
     *
     * @return the indexes
     */
    public List<IndexModel> indexes() {
        return indexes;
    }

    /**
     * Whether the entity is a record (immutable: results are new instances).
     *
     * @return {@code true} for records
     */
    public boolean isRecord() {
        return record;
    }

    /**
     * The reader of rows whose columns are the properties in {@link #properties()} order, starting at column 1.
     *
     * @return the reader, built once
     */
    public EntityReader<T> reader() {
        return reader;
    }

    /**
     * Builds an instance from values in {@link #properties()} order.
     *
     * @param values one value per property; {@code null} for SQL {@code NULL}
     * @return the new instance
     * @throws EntityMappingException when a constructor throws, or a primitive would receive {@code null}
     */
    public T instantiate(@Nullable Object[] values) {
        Embedding.Part[] members = parts;
        if (members != null) {
            return assemble(members, record ? null : newInstance(), values);
        }
        if (record) {
            for (PropertyModel property : properties) {
                if (values[property.index()] == null && property.primitive()) {
                    throw property.nullForPrimitive();
                }
            }
            return type.cast(construct(values));
        }
        T instance = newInstance();
        for (PropertyModel property : properties) {
            Object value = values[property.index()];
            if (value != null || !property.primitive()) {
                property.set(instance, value);
            } else {
                throw property.nullForPrimitive();
            }
        }
        return instance;
    }

    /**
     * Copies values into an existing mutable instance, or builds a new record from them.
     *
     * @param target the instance to update (ignored for records)
     * @param values one value per property
     * @return {@code target}, updated, or a new record
     */
    public T merge(T target, @Nullable Object[] values) {
        keepLoadedReferences(target, values);
        if (record) {
            return instantiate(values);
        }
        Embedding.Part[] members = parts;
        if (members != null) {
            return assemble(members, target, values);
        }
        for (PropertyModel property : properties) {
            property.set(target, values[property.index()]);
        }
        return target;
    }

    /**
     * Keeps the related instances {@code target} holds where the values read back refer to the same rows: reading a
     * written row back must not replace a fetched to-one with an id-only reference.
     */
    private void keepLoadedReferences(T target, @Nullable Object[] values) {
        for (PropertyModel property : properties) {
            if (property.codec() instanceof ReferenceCodec reference) {
                Object read = values[property.index()];
                Object held = read == null ? null : property.get(target);
                if (held != null && reference.sameRow(held, read)) {
                    values[property.index()] = held;
                }
            }
        }
    }

    /** Builds a record from its members, or sets each member of a class instance, from the flat column values. */
    private T assemble(Embedding.Part[] members, @Nullable T target, @Nullable Object[] values) {
        Object[] arguments = new Object[members.length];
        int nullInPrimitive = -1;
        for (int i = 0; i < members.length; i++) {
            arguments[i] = members[i].value(values);
            if (arguments[i] == null && members[i].primitive() && nullInPrimitive < 0) {
                nullInPrimitive = members[i].leaf();
            }
        }
        if (nullInPrimitive >= 0) {
            throw properties.get(nullInPrimitive).nullForPrimitive();
        }
        if (target == null) {
            return type.cast(construct(arguments));
        }
        for (int i = 0; i < members.length; i++) {
            members[i].set(target, arguments[i]);
        }
        return target;
    }

    /**
     * Reads every property of an instance.
     *
     * @param entity the instance
     * @return one value per property, in {@link #properties()} order
     */
    public @Nullable Object[] values(T entity) {
        MethodHandle all = valuesReader;
        Object[] values = new Object[properties.size()];
        if (all != null) {
            try {
                all.invokeExact(values, (Object) entity);
                return values;
            } catch (Error ex) {
                throw ex;
            } catch (Throwable ex) {
                // An accessor threw: read again one by one, for the message naming the property.
            }
        }
        for (int i = 0; i < values.length; i++) {
            PropertyModel property = properties.get(i);
            values[property.index()] = property.get(entity);
        }
        return values;
    }

    /**
     * {@code (Object[] values, Object entity)void}: every getter composed into one handle that stores each property at
     * its index in {@code values}, so that a call costs one handle invocation rather than one per property (the JIT
     * inlines the getters bound in it) and the array is allocated plainly by the caller, not by a collector handle;
     * {@code null} past {@link #MAX_COMPOSED}.
     */
    private static @Nullable MethodHandle valuesReader(List<PropertyModel> properties) {
        int count = properties.size();
        if (count == 0 || count > MAX_COMPOSED) {
            return null;
        }
        MethodHandle store = MethodHandles.arrayElementSetter(Object[].class);
        MethodHandle all = null;
        for (int i = count - 1; i >= 0; i--) {
            PropertyModel property = properties.get(i);
            // (Object[] values, Object entity)void: values[index] = getter(entity)
            MethodHandle one = MethodHandles.filterArguments(
                    MethodHandles.insertArguments(store, 1, property.index()), 1, property.getter());
            all = all == null ? one : MethodHandles.foldArguments(all, one);
        }
        return all;
    }

    /**
     * The no-arg constructor of a class entity as a {@link Supplier} spun by {@link LambdaMetafactory}: a plain
     * {@code new} the JIT compiles like hand-written code, where invoking the constructor's method handle, held in a
     * field and so not a constant, costs an indirect call through its lambda form per instance read. {@code null} when
     * it cannot be spun (the handle is used then).
     */
    private static @Nullable Supplier<Object> factory(Class<?> type) {
        try {
            MethodHandles.Lookup lookup = EntityModels.lookupFor(type);
            MethodHandle direct = lookup.unreflectConstructor(type.getDeclaredConstructor());
            CallSite site = LambdaMetafactory.metafactory(
                    lookup,
                    "get",
                    MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class),
                    direct,
                    MethodType.methodType(type));
            @SuppressWarnings("unchecked")
            Supplier<Object> supplier = (Supplier<Object>) site.getTarget().invoke();
            return supplier;
        } catch (Error ex) {
            throw ex;
        } catch (Throwable ex) {
            return null;
        }
    }

    /**
     * A new instance of a class entity, from its no-arg constructor, before any property is set; its relations without
     * a column hold their unfetched placeholder.
     */
    T newInstance() {
        T instance = type.cast(construct(null));
        // An array, not the list: no iterator per row read.
        for (RelationProperty relation : placeholderArray) {
            relation.set(instance, relation.unfetched());
        }
        return instance;
    }

    private Object construct(@Nullable Object @Nullable [] arguments) {
        try {
            Supplier<Object> plain = factory;
            if (arguments == null && plain != null) {
                return plain.get();
            }
            return arguments == null ? (Object) constructor.invokeExact() : (Object) constructor.invokeExact(arguments);
        } catch (Throwable ex) {
            throw new EntityMappingException(
                    "Cannot create " + type.getName() + ": its constructor threw "
                            + ex.getClass().getName(),
                    ex);
        }
    }

    @Override
    public String toString() {
        return "EntityModel[" + type.getName() + " -> " + qualifiedTable + "]";
    }
}
