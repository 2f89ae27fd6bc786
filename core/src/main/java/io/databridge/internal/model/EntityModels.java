package io.databridge.internal.model;

import io.databridge.internal.rules.MappingMessages;
import io.databridge.internal.rules.ValueTypeNames;
import io.databridge.internal.sql.Identifiers;
import io.databridge.mapping.Column;
import io.databridge.mapping.CreatedAt;
import io.databridge.mapping.Embedded;
import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.Enumerated;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Index;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.JoinTable;
import io.databridge.mapping.Json;
import io.databridge.mapping.ManyToMany;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.NamingStrategy;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.OneToOne;
import io.databridge.mapping.OrderBy;
import io.databridge.mapping.Table;
import io.databridge.mapping.Transient;
import io.databridge.mapping.UpdatedAt;
import io.databridge.mapping.Version;
import io.databridge.types.EnumType;
import io.databridge.types.TypeCodec;
import io.databridge.types.TypeCodecs;
import io.databridge.types.ValueType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds and caches the {@link EntityModel} of each entity type. One instance per engine (it holds the codecs and the
 * naming strategy); the model of a type is built on first use and reused. Thread-safe.
 */
public final class EntityModels {

    private final TypeCodecs codecs;
    private final NamingStrategy naming;
    private final Map<Class<?>, EntityModel<?>> models = new ConcurrentHashMap<>();
    private final Embeddings embeddings = new Embeddings(this);

    /**
     * Creates a model cache.
     *
     * @param codecs the codecs properties resolve against
     * @param naming derives names the annotations leave out
     */
    public EntityModels(TypeCodecs codecs, NamingStrategy naming) {
        this.codecs = codecs;
        this.naming = naming;
    }

    /** The naming strategy of this cache. */
    NamingStrategy naming() {
        return naming;
    }

    /**
     * The codecs this cache resolves properties against.
     *
     * @return the codecs
     */
    public TypeCodecs codecs() {
        return codecs;
    }

    /**
     * The model of an entity type, built on first use.
     *
     * @param type a class or record annotated with {@link Table}
     * @param <T> the entity type
     * @return the model
     * @throws EntityMappingException when the type cannot be mapped; the message names the class, property and fix
     */
    @SuppressWarnings("unchecked")
    public <T> EntityModel<T> get(Class<T> type) {
        EntityModel<?> model = models.get(type);
        if (model == null) {
            model = models.computeIfAbsent(type, this::build);
        }
        return (EntityModel<T>) model;
    }

    /**
     * The models built so far, for diagnostics that name relations (e.g. the N+1 advice).
     *
     * @return a snapshot of the cached models, in no particular order
     */
    public List<EntityModel<?>> loaded() {
        return List.copyOf(models.values());
    }

    /**
     * Whether a class is an entity (annotated with {@link Table}).
     *
     * @param type the class
     * @return {@code true} for entities
     */
    public static boolean isEntity(Class<?> type) {
        return type.isAnnotationPresent(Table.class);
    }

    private <T> EntityModel<T> build(Class<T> type) {
        Table table = type.getAnnotation(Table.class);
        if (table == null) {
            throw new EntityMappingException(
                    type.getName() + " is not an entity: annotate it with @io.databridge.mapping.Table");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isEnum()) {
            throw new EntityMappingException(MappingMessages.notConcrete(type.getName()));
        }
        String tableName = table.name().isEmpty() ? naming.tableName(type) : table.name();
        String qualifiedTable;
        try {
            qualifiedTable = Identifiers.qualified(table.schema(), tableName, "table name");
        } catch (IllegalArgumentException ex) {
            throw new EntityMappingException(
                    MappingMessages.cannotMap(type.getName(), ex.getMessage() + MappingMessages.TABLE_NAME_FIX));
        }
        MethodHandles.Lookup lookup = lookupFor(type);
        List<PropertyModel> properties = new ArrayList<>();
        List<RelationProperty> relations = new ArrayList<>();
        List<Embedding.Part> parts = new ArrayList<>();
        MethodHandle[] canonical = new MethodHandle[1];
        MethodHandle constructor = type.isRecord()
                ? recordProperties(type, lookup, properties, relations, parts, canonical)
                : classProperties(type, lookup, properties, relations, parts);
        if (properties.isEmpty()) {
            throw new EntityMappingException(MappingMessages.noProperties(type.getName()));
        }
        Map<String, PropertyModel> byName = new HashMap<>();
        Map<String, PropertyModel> byColumn = new HashMap<>();
        PropertyModel id = null;
        PropertyModel version = null;
        for (PropertyModel property : properties) {
            byName.put(property.name(), property);
            PropertyModel clash = byColumn.putIfAbsent(property.columnName(), property);
            if (clash != null) {
                throw new EntityMappingException(MappingMessages.columnClash(
                        type.getName() + "." + property.name(),
                        property.columnName(),
                        clash.name(),
                        property.name().indexOf('.') >= 0 || clash.name().indexOf('.') >= 0));
            }
            if (property.role() == PropertyModel.Role.ID && property.name().indexOf('.') >= 0) {
                continue; // a column of a composite id: the id is the record, below
            }
            if (property.role() == PropertyModel.Role.ID) {
                if (id != null) {
                    throw new EntityMappingException(
                            MappingMessages.twoIds(type.getName(), id.name(), property.name()));
                }
                id = property;
            } else if (property.role() == PropertyModel.Role.VERSION) {
                if (version != null) {
                    throw new EntityMappingException(
                            MappingMessages.twoVersions(type.getName(), version.name(), property.name()));
                }
                version = property;
            }
        }
        Embedding compositeId = null;
        for (Embedding.Part part : parts) {
            Embedding embedding = part.embedding();
            if (embedding != null && embedding.id() != null) {
                if (id != null) {
                    throw new EntityMappingException(MappingMessages.twoIds(
                            type.getName(), id.name(), embedding.id().name()));
                }
                id = embedding.id();
                compositeId = embedding;
            }
        }
        if (id == null) {
            throw new EntityMappingException(MappingMessages.noId(type.getName()));
        }
        if (compositeId != null) {
            for (RelationProperty relation : relations) {
                if (relation.column() == null) {
                    throw new EntityMappingException("Cannot map " + type.getName() + "." + relation.name()
                            + ": relations to or from an entity with a composite id ("
                            + id.valueType().rawType().getSimpleName()
                            + ") are not supported; map the other side's key columns as plain properties and query"
                            + " them");
                }
            }
        }
        List<IndexModel> indexes = indexes(type, tableName, properties, byName);
        return new EntityModel<>(
                type,
                tableName,
                table.schema(),
                qualifiedTable,
                properties,
                byName,
                id,
                version,
                indexes,
                type.isRecord(),
                constructor,
                relations,
                canonical[0],
                parts.stream().anyMatch(part -> part.embedding() != null) ? parts.toArray(new Embedding.Part[0]) : null,
                compositeId);
    }

    private MethodHandle recordProperties(
            Class<?> type,
            MethodHandles.Lookup lookup,
            List<PropertyModel> properties,
            List<RelationProperty> relations,
            List<Embedding.Part> parts,
            MethodHandle[] canonicalOut) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        List<RelationProperty> collections = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            parameterTypes[i] = component.getType();
            String where = type.getName() + "." + component.getName();
            // An annotation without the RECORD_COMPONENT target lands on the field and the accessor instead.
            LookAlikeAnnotations.reject(where, component);
            LookAlikeAnnotations.reject(where, component.getAccessor());
            try {
                LookAlikeAnnotations.reject(where, type.getDeclaredField(component.getName()));
            } catch (NoSuchFieldException ex) {
                // every record component has its field; nothing to check otherwise
            }
            if (component.isAnnotationPresent(Transient.class)) {
                throw new EntityMappingException(MappingMessages.transientRecordComponent(where));
            }
            MethodHandle getter;
            try {
                getter = lookup.unreflect(component.getAccessor());
            } catch (IllegalAccessException ex) {
                throw inaccessible(type, ex);
            }
            member(
                    type,
                    component.getName(),
                    i,
                    component.getType(),
                    component.getGenericType(),
                    component,
                    getter,
                    null,
                    properties,
                    relations,
                    parts);
        }
        for (RelationProperty relation : relations) {
            if (relation.column() == null) {
                collections.add(relation);
            }
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
            canonical.setAccessible(true);
            MethodHandle all =
                    lookup.unreflectConstructor(canonical).asType(MethodType.methodType(Object.class, parameterTypes));
            canonicalOut[0] = all.asSpreader(Object[].class, parameterTypes.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            // Rows carry the column properties only: relations without a column get their placeholder.
            MethodHandle columnsOnly = all;
            for (int i = collections.size() - 1; i >= 0; i--) {
                RelationProperty relation = collections.get(i);
                columnsOnly = MethodHandles.insertArguments(columnsOnly, relation.component(), relation.unfetched());
            }
            return columnsOnly
                    .asSpreader(Object[].class, parameterTypes.length - collections.size())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException ex) {
            throw inaccessible(type, ex);
        }
    }

    private MethodHandle classProperties(
            Class<?> type,
            MethodHandles.Lookup lookup,
            List<PropertyModel> properties,
            List<RelationProperty> relations,
            List<Embedding.Part> parts) {
        MethodHandle constructor;
        try {
            Constructor<?> noArgs = type.getDeclaredConstructor();
            noArgs.setAccessible(true);
            constructor = lookup.unreflectConstructor(noArgs).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException ex) {
            throw new EntityMappingException(MappingMessages.noNoArgConstructor(type.getName()));
        } catch (ReflectiveOperationException | RuntimeException ex) {
            throw inaccessible(type, ex);
        }
        for (Class<?> declaring : hierarchy(type)) {
            for (Field field : declaring.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers)) {
                    LookAlikeAnnotations.reject(type.getName() + "." + field.getName(), field);
                }
                if (Modifier.isStatic(modifiers)
                        || Modifier.isTransient(modifiers)
                        || field.isSynthetic()
                        || field.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                if (Modifier.isFinal(modifiers)) {
                    throw new EntityMappingException(
                            MappingMessages.finalField(type.getName() + "." + field.getName()));
                }
                MethodHandle getter;
                MethodHandle setter;
                try {
                    field.setAccessible(true);
                    getter = lookup.unreflectGetter(field);
                    setter = lookup.unreflectSetter(field);
                } catch (IllegalAccessException | RuntimeException ex) {
                    throw inaccessible(type, ex);
                }
                member(
                        type,
                        field.getName(),
                        properties.size() + relations.size(),
                        field.getType(),
                        field.getGenericType(),
                        field,
                        getter,
                        setter,
                        properties,
                        relations,
                        parts);
            }
        }
        return constructor;
    }

    /** Adds a field or record component as a column property, a relation, or both (a to-one owning side). */
    private void member(
            Class<?> entity,
            String name,
            int position,
            Class<?> rawType,
            Type genericType,
            AnnotatedElement element,
            MethodHandle getter,
            @Nullable MethodHandle setter,
            List<PropertyModel> properties,
            List<RelationProperty> relations,
            List<Embedding.Part> parts) {
        MethodHandle objectSetter0 =
                setter == null ? null : setter.asType(MethodType.methodType(void.class, Object.class, Object.class));
        if (element.isAnnotationPresent(Embedded.class)
                || (element.isAnnotationPresent(Id.class) && rawType.isRecord())) {
            MethodHandle objectGetter = getter.asType(MethodType.methodType(Object.class, Object.class));
            Embedding embedding = embeddings.embed(entity, name, rawType, element, objectGetter, properties);
            parts.add(new Embedding.Part(-1, embedding, objectSetter0, false, entity.getName() + "." + name));
            return;
        }
        RelationProperty.Kind kind = relationKind(entity, name, element);
        if (kind == null) {
            properties.add(property(
                    entity, name, properties.size(), rawType, genericType, element, getter, setter, null, "", null));
            parts.add(new Embedding.Part(
                    properties.size() - 1, null, objectSetter0, rawType.isPrimitive(), entity.getName() + "." + name));
            return;
        }
        String where = entity.getName() + "." + name;
        MethodHandle objectGetter = getter.asType(MethodType.methodType(Object.class, Object.class));
        MethodHandle objectSetter =
                setter == null ? null : setter.asType(MethodType.methodType(void.class, Object.class, Object.class));
        boolean toMany = kind == RelationProperty.Kind.ONE_TO_MANY || kind == RelationProperty.Kind.MANY_TO_MANY;
        if (toMany) {
            Class<?> collection = rawType == List.class || rawType == java.util.Collection.class
                    ? List.class
                    : rawType == Set.class ? Set.class : null;
            Class<?> target = genericType instanceof java.lang.reflect.ParameterizedType parameterized
                            && parameterized.getActualTypeArguments()[0] instanceof Class<?> element0
                    ? element0
                    : null;
            if (collection == null || target == null) {
                throw new EntityMappingException(MappingMessages.toManyType(where, genericType.getTypeName()));
            }
            requireEntity(where, target);
            relations.add(new RelationProperty(
                    entity.getSimpleName(),
                    name,
                    kind,
                    target,
                    collection,
                    element,
                    null,
                    position,
                    objectGetter,
                    objectSetter,
                    Unfetched.placeholder(collection, entity.getSimpleName(), name)));
            return;
        }
        requireEntity(where, rawType);
        OneToOne oneToOne = element.getAnnotation(OneToOne.class);
        if (oneToOne != null && !oneToOne.mappedBy().isEmpty()) {
            relations.add(new RelationProperty(
                    entity.getSimpleName(),
                    name,
                    kind,
                    rawType,
                    null,
                    element,
                    null,
                    position,
                    objectGetter,
                    objectSetter,
                    null));
            return;
        }
        TypeCodec<Object> idCodec = idCodec(where, rawType);
        PropertyModel column = property(
                entity,
                name,
                properties.size(),
                rawType,
                genericType,
                element,
                getter,
                setter,
                new ReferenceCodec(this, rawType, idCodec, entity.getSimpleName() + "." + name),
                "",
                null);
        properties.add(column);
        parts.add(new Embedding.Part(properties.size() - 1, null, objectSetter0, false, where));
        relations.add(new RelationProperty(
                entity.getSimpleName(),
                name,
                kind,
                rawType,
                null,
                element,
                column,
                position,
                objectGetter,
                objectSetter,
                null));
    }

    static RelationProperty.@Nullable Kind relationKind(Class<?> entity, String name, AnnotatedElement element) {
        List<RelationProperty.Kind> kinds = new ArrayList<>(1);
        if (element.isAnnotationPresent(ManyToOne.class)) {
            kinds.add(RelationProperty.Kind.MANY_TO_ONE);
        }
        if (element.isAnnotationPresent(OneToOne.class)) {
            kinds.add(RelationProperty.Kind.ONE_TO_ONE);
        }
        if (element.isAnnotationPresent(OneToMany.class)) {
            kinds.add(RelationProperty.Kind.ONE_TO_MANY);
        }
        if (element.isAnnotationPresent(ManyToMany.class)) {
            kinds.add(RelationProperty.Kind.MANY_TO_MANY);
        }
        String where = entity.getName() + "." + name;
        if (kinds.size() > 1) {
            throw new EntityMappingException(MappingMessages.moreThanOneRelation(where));
        }
        if (kinds.isEmpty()) {
            for (Class<? extends java.lang.annotation.Annotation> annotation :
                    List.of(JoinColumn.class, JoinTable.class, OrderBy.class)) {
                if (element.isAnnotationPresent(annotation)) {
                    throw new EntityMappingException("Cannot map " + where + ": @" + annotation.getSimpleName()
                            + " needs a relation; add @ManyToOne, @OneToOne, @OneToMany or @ManyToMany");
                }
            }
            return null;
        }
        if (element.isAnnotationPresent(Id.class)) {
            throw new EntityMappingException("Cannot map " + where + ": a relation cannot be the @Id; map the"
                    + " foreign-key column as a plain @Id property");
        }
        return kinds.get(0);
    }

    private static void requireEntity(String where, Class<?> target) {
        if (!isEntity(target)) {
            throw new EntityMappingException(MappingMessages.relationTargetNotEntity(where, target.getName()));
        }
    }

    /** The codec of a target's id, found without building the target's model (two entities may refer to each other). */
    private TypeCodec<Object> idCodec(String where, Class<?> target) {
        AnnotatedElement idElement = null;
        Class<?> idType = null;
        Type idGeneric = null;
        if (target.isRecord()) {
            for (RecordComponent component : target.getRecordComponents()) {
                if (component.isAnnotationPresent(Id.class)) {
                    idElement = component;
                    idType = component.getType();
                    idGeneric = component.getGenericType();
                }
            }
        } else {
            for (Class<?> c = target; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.isAnnotationPresent(Id.class)) {
                        idElement = field;
                        idType = field.getType();
                        idGeneric = field.getGenericType();
                    }
                }
            }
        }
        if (idElement == null || idType == null || idGeneric == null) {
            throw new EntityMappingException("Cannot map " + where + ": the target " + target.getName()
                    + " has no @Id property; mark its primary-key property @Id");
        }
        if (idType.isRecord()) {
            throw new EntityMappingException("Cannot map " + where + ": the target " + target.getName()
                    + " has a composite id (" + idType.getSimpleName() + "), and relations to an entity with a"
                    + " composite id are not supported; map its key columns as plain properties instead");
        }
        Class<?> boxed = idType.isPrimitive() ? JavaTypes.box(idType) : idType;
        try {
            @SuppressWarnings("unchecked")
            TypeCodec<Object> codec =
                    (TypeCodec<Object>) codecs.resolve(new ValueType(boxed, boxed, false, null, null));
            return codec;
        } catch (IllegalArgumentException ex) {
            throw new EntityMappingException("Cannot map " + where + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * A column property; inside a value object or composite id ({@code embeddedRole} not {@code null}), {@code name} is
     * its path ({@code address.city}) and its column is {@code prefix} and the column name of its last segment.
     */
    PropertyModel property(
            Class<?> entity,
            String name,
            int index,
            Class<?> rawType,
            Type genericType,
            AnnotatedElement element,
            MethodHandle getter,
            @Nullable MethodHandle setter,
            @Nullable TypeCodec<Object> reference,
            String prefix,
            PropertyModel.@Nullable Role embeddedRole) {
        String where = entity.getName() + "." + name;
        Column column = element.getAnnotation(Column.class);
        String columnName = prefix
                + (column == null || column.name().isEmpty()
                        ? naming.columnName(name.substring(name.lastIndexOf('.') + 1))
                        : column.name());
        JoinColumn joinColumn = element.getAnnotation(JoinColumn.class);
        if (reference != null) {
            columnName = joinColumn != null ? joinColumn.name() : naming.columnName(name) + "_id";
        }
        String quotedColumn;
        try {
            quotedColumn = Identifiers.quote(columnName, "column name");
        } catch (IllegalArgumentException ex) {
            throw new EntityMappingException(
                    MappingMessages.cannotMap(where, ex.getMessage() + MappingMessages.COLUMN_NAME_FIX));
        }
        PropertyModel.Role role = role(where, element, rawType);
        boolean generated = element.isAnnotationPresent(GeneratedValue.class);
        if (embeddedRole != null) {
            if (role != PropertyModel.Role.PLAIN || generated) {
                throw new EntityMappingException("Cannot map " + where + ": @Id, @GeneratedValue, @Version, @CreatedAt"
                        + " and @UpdatedAt cannot be inside an @Embedded value or a composite id; put them on the"
                        + " entity");
            }
            role = embeddedRole;
        }
        if (generated && role != PropertyModel.Role.ID) {
            throw new EntityMappingException(MappingMessages.generatedNotOnId(where));
        }
        if (generated
                && element.getAnnotation(GeneratedValue.class).strategy() == GeneratedValue.Strategy.UUID_V7
                && rawType != UUID.class) {
            throw new EntityMappingException(MappingMessages.uuidV7Type(where, rawType.getTypeName()));
        }
        if (generated && !ValueTypeNames.generatable(rawType.getName())) {
            throw new EntityMappingException(MappingMessages.generatedType(where, rawType.getTypeName()));
        }
        if (generated) {
            GeneratedValue generatedValue = element.getAnnotation(GeneratedValue.class);
            String problem = MappingMessages.sequenceProblem(
                    where,
                    generatedValue.strategy().name(),
                    generatedValue.sequence(),
                    generatedValue.allocationSize(),
                    rawType.getName());
            if (problem != null) {
                throw new EntityMappingException(problem);
            }
        }
        Enumerated enumerated = element.getAnnotation(Enumerated.class);
        EnumType enumType = null;
        String enumTypeName = null;
        if (enumerated != null) {
            Class<?> enumClass = enumClass(rawType, genericType);
            if (enumClass == null) {
                throw new EntityMappingException(MappingMessages.enumeratedNeedsEnum(where, rawType.getTypeName()));
            }
            enumType = enumerated.value();
            if (enumType == EnumType.POSTGRES) {
                enumTypeName = enumerated.typeName().isEmpty() ? naming.tableName(enumClass) : enumerated.typeName();
                try {
                    Identifiers.validate(enumTypeName, "PostgreSQL enum type name");
                } catch (IllegalArgumentException ex) {
                    throw new EntityMappingException("Cannot map " + where + ": " + ex.getMessage()
                            + " (set @Enumerated(typeName = ...) to a valid name)");
                }
            }
        }
        ValueType valueType =
                new ValueType(rawType, genericType, element.isAnnotationPresent(Json.class), enumType, enumTypeName);
        TypeCodec<Object> codec;
        try {
            @SuppressWarnings("unchecked")
            TypeCodec<Object> resolved = reference != null ? reference : (TypeCodec<Object>) codecs.resolve(valueType);
            codec = resolved;
        } catch (IllegalArgumentException ex) {
            throw new EntityMappingException("Cannot map " + where + ": " + ex.getMessage(), ex);
        }
        boolean primitive = rawType.isPrimitive();
        // A column of a value object may be NULL even for a primitive: the value object itself may be null.
        boolean nullable = (column == null || column.nullable())
                && role == PropertyModel.Role.PLAIN
                && (!primitive || embeddedRole == PropertyModel.Role.PLAIN);
        boolean insertable = column == null || column.insertable();
        boolean updatable = (column == null || column.updatable()) && role != PropertyModel.Role.CREATED_AT;
        int length = column == null ? 0 : column.length();
        int precision = column == null ? 0 : column.precision();
        int scale = column == null ? 0 : column.scale();
        if (length < 0 || precision < 0 || scale < 0 || (precision > 0 && scale > precision)) {
            throw new EntityMappingException("Cannot map " + where + ": @Column length, precision and scale must not be"
                    + " negative, and scale must not exceed precision");
        }
        return new PropertyModel(
                entity.getName(),
                name,
                index,
                columnName,
                quotedColumn,
                valueType,
                codec,
                role,
                generated,
                nullable,
                column != null && column.unique(),
                insertable,
                updatable,
                length,
                precision,
                scale,
                getter.asType(MethodType.methodType(Object.class, Object.class)),
                setter == null ? null : setter.asType(MethodType.methodType(void.class, Object.class, Object.class)));
    }

    private static @Nullable Class<?> enumClass(Class<?> rawType, Type genericType) {
        if (rawType.isEnum()) {
            return rawType;
        }
        if (rawType.isArray() && rawType.getComponentType().isEnum()) {
            return rawType.getComponentType();
        }
        if (java.util.Collection.class.isAssignableFrom(rawType)
                && genericType instanceof java.lang.reflect.ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element
                && element.isEnum()) {
            return element;
        }
        return null;
    }

    private static PropertyModel.Role role(String where, AnnotatedElement element, Class<?> rawType) {
        List<PropertyModel.Role> roles = new ArrayList<>(1);
        if (element.isAnnotationPresent(Id.class)) {
            roles.add(PropertyModel.Role.ID);
        }
        if (element.isAnnotationPresent(Version.class)) {
            if (!ValueTypeNames.VERSIONS.contains(rawType.getName())) {
                throw new EntityMappingException(MappingMessages.versionType(where, rawType.getTypeName()));
            }
            roles.add(PropertyModel.Role.VERSION);
        }
        if (element.isAnnotationPresent(CreatedAt.class)) {
            roles.add(PropertyModel.Role.CREATED_AT);
        }
        if (element.isAnnotationPresent(UpdatedAt.class)) {
            roles.add(PropertyModel.Role.UPDATED_AT);
        }
        if (roles.size() > 1) {
            throw new EntityMappingException(MappingMessages.moreThanOneRole(where));
        }
        if (roles.isEmpty()) {
            return PropertyModel.Role.PLAIN;
        }
        PropertyModel.Role role = roles.get(0);
        if ((role == PropertyModel.Role.CREATED_AT || role == PropertyModel.Role.UPDATED_AT)
                && !ValueTypeNames.TIMESTAMPS.contains(rawType.getName())) {
            throw new EntityMappingException(MappingMessages.timestampType(where, rawType.getTypeName()));
        }
        return role;
    }

    private List<IndexModel> indexes(
            Class<?> type, String tableName, List<PropertyModel> properties, Map<String, PropertyModel> byName) {
        List<IndexModel> indexes = new ArrayList<>();
        for (Index index : type.getAnnotationsByType(Index.class)) {
            if (index.properties().length == 0) {
                throw new EntityMappingException("Cannot map " + type.getName()
                        + ": @Index on the type must list properties, e.g. @Index(properties = {\"email\"})");
            }
            List<PropertyModel> indexed = new ArrayList<>();
            for (String name : index.properties()) {
                PropertyModel property = byName.get(name);
                if (property == null) {
                    throw new EntityMappingException("Cannot map " + type.getName() + ": @Index names property '" + name
                            + "', which does not exist; properties are " + byName.keySet());
                }
                indexed.add(property);
            }
            indexes.add(index(type, tableName, index, indexed));
        }
        Map<String, AnnotatedElement> elements = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                elements.put(component.getName(), component);
            }
        } else {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    elements.putIfAbsent(field.getName(), field);
                }
            }
        }
        for (PropertyModel property : properties) {
            AnnotatedElement element = elements.get(property.name());
            if (element == null) {
                continue;
            }
            for (Index index : element.getAnnotationsByType(Index.class)) {
                if (index.properties().length > 0) {
                    throw new EntityMappingException("Cannot map " + type.getName() + "." + property.name()
                            + ": @Index on a property indexes that property; remove properties = {...}");
                }
                indexes.add(index(type, tableName, index, List.of(property)));
            }
        }
        return indexes;
    }

    private static IndexModel index(Class<?> type, String tableName, Index index, List<PropertyModel> properties) {
        String name = index.name();
        if (name.isEmpty()) {
            StringBuilder derived = new StringBuilder(tableName);
            for (PropertyModel property : properties) {
                derived.append('_').append(property.columnName());
            }
            name = derived.append(index.unique() ? "_key" : "_idx").toString();
            if (name.length() > Identifiers.MAX_LENGTH) {
                throw new EntityMappingException("Cannot map " + type.getName() + ": the derived index name '" + name
                        + "' is longer than " + Identifiers.MAX_LENGTH + " characters; set @Index(name = ...)");
            }
        }
        try {
            Identifiers.validate(name, "index name");
        } catch (IllegalArgumentException ex) {
            throw new EntityMappingException("Cannot map " + type.getName() + ": " + ex.getMessage());
        }
        return new IndexModel(name, properties, index.unique());
    }

    /** A class and its superclasses up to {@code Object}, superclass first: the order fields are mapped in. */
    static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            hierarchy.add(0, current);
        }
        return hierarchy;
    }

    static MethodHandles.Lookup lookupFor(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException | RuntimeException ex) {
            throw inaccessible(type, ex);
        }
    }

    static EntityMappingException inaccessible(Class<?> type, Exception ex) {
        return new EntityMappingException(
                "Cannot access " + type.getName() + " (" + ex.getMessage() + "); if it is in"
                        + " a named module, open its package to data-bridge (opens ... to io.databridge.core)",
                ex);
    }
}
