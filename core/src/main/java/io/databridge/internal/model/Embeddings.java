package io.databridge.internal.model;

import io.databridge.internal.sql.Identifiers;
import io.databridge.mapping.Embedded;
import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.Id;
import io.databridge.mapping.Json;
import io.databridge.mapping.Transient;
import io.databridge.types.TypeCodec;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Flattens {@code @Embedded} value objects and composite ids into column properties of their entity: each property of
 * the value object becomes one {@link PropertyModel} named by its path ({@code address.city}), with a column named by
 * the prefix ({@code address_city}) and a getter that reads through the value object ({@code null} when the value
 * object is). The rules live here, once; {@link EntityModels} calls them while it walks an entity. Thread-safe
 * (stateless but for the model cache it belongs to).
 */
final class Embeddings {

    private static final MethodHandle IS_NULL;
    private static final MethodHandle NULL;

    static {
        try {
            IS_NULL = MethodHandles.lookup()
                    .findStatic(Objects.class, "isNull", MethodType.methodType(boolean.class, Object.class));
        } catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
        NULL = MethodHandles.dropArguments(MethodHandles.constant(Object.class, null), 0, Object.class);
    }

    private final EntityModels models;

    Embeddings(EntityModels models) {
        this.models = models;
    }

    /**
     * Adds the columns of a value object (or composite id) held by {@code name} of {@code entity} to {@code
     * properties}.
     *
     * @param getter {@code (Object entity)Object}, reading the value object
     * @return how to build the value object back from the entity's column values
     */
    Embedding embed(
            Class<?> entity,
            String name,
            Class<?> type,
            AnnotatedElement element,
            MethodHandle getter,
            List<PropertyModel> properties) {
        boolean id = element.isAnnotationPresent(Id.class);
        String where = entity.getName() + "." + name;
        if (id && !type.isRecord()) {
            throw new EntityMappingException("Cannot map " + where + ": a composite id must be a record of its columns"
                    + " (record " + type.getSimpleName() + "(long a, int b)), so that it is immutable and compares by"
                    + " value; make " + type.getName() + " a record");
        }
        if (id && element.isAnnotationPresent(io.databridge.mapping.GeneratedValue.class)) {
            throw new EntityMappingException("Cannot map " + where + ": @Id, @GeneratedValue, @Version, @CreatedAt and"
                    + " @UpdatedAt cannot be inside an @Embedded value or a composite id; put them on the entity");
        }
        Embedded embedded = element.getAnnotation(Embedded.class);
        String prefix = embedded == null || embedded.prefix().equals(Embedded.DEFAULT)
                ? (id ? "" : models.naming().columnName(name) + "_")
                : embedded.prefix();
        int first = properties.size();
        Embedding embedding = embed(entity, name, type, getter, prefix, id, properties, new LinkedHashSet<>());
        if (!id) {
            return embedding;
        }
        List<PropertyModel> columns = properties.subList(first, properties.size());
        StringJoiner names = new StringJoiner(", ");
        StringJoiner quoted = new StringJoiner(", ");
        for (PropertyModel column : columns) {
            names.add(column.columnName());
            quoted.add(column.quotedColumn());
        }
        PropertyModel idProperty = new PropertyModel(
                entity.getName(),
                name,
                -1,
                names.toString(),
                quoted.toString(),
                new ValueType(type, type, false, null, null),
                new CompositeIdCodec(where),
                PropertyModel.Role.ID,
                false,
                false,
                false,
                true,
                false,
                0,
                0,
                0,
                getter,
                null);
        return embedding.withId(idProperty);
    }

    private Embedding embed(
            Class<?> entity,
            String path,
            Class<?> type,
            MethodHandle getter,
            String prefix,
            boolean id,
            List<PropertyModel> properties,
            Set<Class<?>> enclosing) {
        String where = entity.getName() + "." + path;
        requireValueObject(where, type, id);
        if (!enclosing.add(type)) {
            throw new EntityMappingException("Cannot map " + where + ": " + type.getName() + " embeds itself; a value"
                    + " object cannot contain itself (map the nested value as @Json, or break the cycle)");
        }
        try {
            Identifiers.validate(prefix.isEmpty() ? "x" : prefix, "column prefix");
        } catch (IllegalArgumentException ex) {
            throw new EntityMappingException(
                    "Cannot map " + where + ": " + ex.getMessage() + " (set @Embedded(prefix = ...) to a valid name)");
        }
        MethodHandles.Lookup lookup = EntityModels.lookupFor(type);
        int first = properties.size();
        List<Embedding.Part> parts = new ArrayList<>();
        MethodHandle constructor;
        try {
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                for (RecordComponent component : components) {
                    if (component.isAnnotationPresent(Transient.class)) {
                        throw new EntityMappingException("Cannot map " + where + "." + component.getName()
                                + ": a record component cannot be @Transient (the canonical constructor needs it)");
                    }
                    MethodHandle read = lookup.unreflect(component.getAccessor());
                    parts.add(part(
                            entity,
                            path + "." + component.getName(),
                            component.getType(),
                            component.getGenericType(),
                            component,
                            getter,
                            read,
                            null,
                            prefix,
                            id,
                            properties,
                            enclosing));
                }
                Constructor<?> canonical = RowConstructor.canonical(type);
                canonical.setAccessible(true);
                constructor = lookup.unreflectConstructor(canonical)
                        .asType(MethodType.methodType(Object.class, canonical.getParameterTypes()))
                        .asSpreader(Object[].class, components.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } else {
                Constructor<?> noArgs = type.getDeclaredConstructor();
                noArgs.setAccessible(true);
                constructor = lookup.unreflectConstructor(noArgs).asType(MethodType.methodType(Object.class));
                for (Class<?> declaring : EntityModels.hierarchy(type)) {
                    for (Field field : declaring.getDeclaredFields()) {
                        int modifiers = field.getModifiers();
                        if (Modifier.isStatic(modifiers)
                                || Modifier.isTransient(modifiers)
                                || field.isSynthetic()
                                || field.isAnnotationPresent(Transient.class)) {
                            continue;
                        }
                        if (Modifier.isFinal(modifiers)) {
                            throw new EntityMappingException("Cannot map " + where + "." + field.getName()
                                    + ": the field is final, so rows cannot be read into it; make it non-final, mark"
                                    + " it @Transient, or make " + type.getSimpleName() + " a record");
                        }
                        field.setAccessible(true);
                        parts.add(part(
                                entity,
                                path + "." + field.getName(),
                                field.getType(),
                                field.getGenericType(),
                                field,
                                getter,
                                lookup.unreflectGetter(field),
                                lookup.unreflectSetter(field),
                                prefix,
                                id,
                                properties,
                                enclosing));
                    }
                }
            }
        } catch (NoSuchMethodException ex) {
            throw notValueObject(where, type, id);
        } catch (IllegalAccessException | RuntimeException ex) {
            if (ex instanceof EntityMappingException mapping) {
                throw mapping;
            }
            throw EntityModels.inaccessible(type, ex);
        }
        enclosing.remove(type);
        if (properties.size() == first) {
            throw new EntityMappingException("Cannot map " + where + ": " + type.getName() + " has no persistent"
                    + " properties, so it maps to no column; give it some, or mark the property @Transient");
        }
        return new Embedding(type, where, constructor, parts, first, properties.size());
    }

    /** One property of a value object: a column, or a nested value object. */
    private Embedding.Part part(
            Class<?> entity,
            String path,
            Class<?> rawType,
            Type genericType,
            AnnotatedElement element,
            MethodHandle ownerGetter,
            MethodHandle read,
            @Nullable MethodHandle write,
            String prefix,
            boolean id,
            List<PropertyModel> properties,
            Set<Class<?>> enclosing) {
        String where = entity.getName() + "." + path;
        LookAlikeAnnotations.reject(where, element);
        if (EntityModels.relationKind(entity, path, element) != null) {
            throw new EntityMappingException("Cannot map " + where + ": relations cannot be inside an @Embedded value"
                    + " or a composite id; declare the relation on the entity");
        }
        MethodHandle getter = MethodHandles.filterReturnValue(
                ownerGetter,
                MethodHandles.guardWithTest(
                        IS_NULL, NULL, read.asType(MethodType.methodType(Object.class, Object.class))));
        MethodHandle setter =
                write == null ? null : write.asType(MethodType.methodType(void.class, Object.class, Object.class));
        Embedded nested = element.getAnnotation(Embedded.class);
        if (nested != null) {
            if (id) {
                throw unsupportedIdComponent(where, rawType, "a nested value object");
            }
            String name = path.substring(path.lastIndexOf('.') + 1);
            String nestedPrefix = prefix
                    + (nested.prefix().equals(Embedded.DEFAULT)
                            ? models.naming().columnName(name) + "_"
                            : nested.prefix());
            Embedding embedding = embed(entity, path, rawType, getter, nestedPrefix, false, properties, enclosing);
            return new Embedding.Part(-1, embedding, setter, false, where);
        }
        if (id
                && (element.isAnnotationPresent(Json.class)
                        || rawType.isArray()
                        || Collection.class.isAssignableFrom(rawType)
                        || Map.class.isAssignableFrom(rawType))) {
            throw unsupportedIdComponent(where, rawType, rawType.getName());
        }
        PropertyModel property = models.property(
                entity,
                path,
                properties.size(),
                rawType,
                genericType,
                element,
                getter,
                null,
                null,
                prefix,
                id ? PropertyModel.Role.ID : PropertyModel.Role.PLAIN);
        if (id && property.codec().bulkForm() == null) {
            throw unsupportedIdComponent(where, rawType, rawType.getName() + " (its codec has no bulk form)");
        }
        properties.add(property);
        return new Embedding.Part(properties.size() - 1, null, setter, rawType.isPrimitive(), where);
    }

    private static void requireValueObject(String where, Class<?> type, boolean id) {
        if (type.isPrimitive()
                || type.isArray()
                || type.isEnum()
                || type.isInterface()
                || Modifier.isAbstract(type.getModifiers())
                || type.getName().startsWith("java.")
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            throw notValueObject(where, type, id);
        }
        if (EntityModels.isEntity(type)) {
            throw new EntityMappingException("Cannot map " + where + ": " + type.getName() + " is an entity (@Table);"
                    + " embed a value object, or refer to the entity with @ManyToOne");
        }
    }

    private static EntityMappingException notValueObject(String where, Class<?> type, boolean id) {
        if (id) {
            return new EntityMappingException("Cannot map " + where + ": a composite id must be a record of its"
                    + " columns, but " + type.getName() + " is not one");
        }
        return new EntityMappingException("Cannot map " + where + ": @Embedded needs a record or a concrete class"
                + " with a no-arg constructor (it may be private), but " + type.getName() + " is neither; make it one,"
                + " or remove @Embedded to map the value as one column (a codec, @Json)");
    }

    private static EntityMappingException unsupportedIdComponent(String where, Class<?> type, String what) {
        return new EntityMappingException("Cannot map " + where + ": a composite id component must be one column of"
                + " a type that travels in arrays (a number, text, uuid, date and time, enum, ...), but it is " + what
                + "; change its type, or keep it out of the id");
    }

    /** Stands for a composite id where one value would be bound: never bound itself, its columns are. */
    private record CompositeIdCodec(String where) implements TypeCodec<Object> {

        @Override
        public String sqlType() {
            throw unsupported();
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Object value) {
            throw unsupported();
        }

        @Override
        public Object read(ResultSet rows, int index) {
            throw unsupported();
        }

        private IllegalStateException unsupported() {
            return new IllegalStateException(
                    where + " is a composite id: bind and read its columns (EntityModel.idColumns()) one by one");
        }
    }
}
