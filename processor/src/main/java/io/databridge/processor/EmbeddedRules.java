package io.databridge.processor;

import io.databridge.internal.rules.MappingMessages;
import io.databridge.internal.rules.SnakeCase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/**
 * The runtime's rules for {@code @Embedded} value objects and composite ids ({@code
 * io.databridge.internal.model.Embeddings}), at compile time, with the same messages: a value object is a record or a
 * concrete class with a no-arg constructor; its properties are columns named with a prefix ({@code <property>_} by
 * default, none on a composite id), may embed further value objects, and hold no relation and no id, version or
 * timestamp; a composite id is a record of single columns. Not thread-safe (one per {@link EntityRules}).
 */
final class EmbeddedRules {

    private static final String DEFAULT_PREFIX = "<property>_";

    private final EntityRules rules;
    /** The entity's member being checked: every violation is reported on it, in the entity's source. */
    @SuppressWarnings("NullAway.Init") // set by check(), the only entry point, before any use
    private Element anchor;

    EmbeddedRules(EntityRules rules) {
        this.rules = rules;
    }

    /** Whether a member is a value object or a composite id: {@code @Embedded}, or an {@code @Id} of a record type. */
    static boolean embeds(Element member, TypeMirror valueType) {
        return EntityRules.annotation(member, "Embedded") != null
                || (EntityRules.annotation(member, "Id") != null && isRecord(valueType));
    }

    /**
     * Checks a value object or composite id held by {@code member} of {@code entity}, adding its columns to {@code
     * columns} (column name to property path).
     *
     * @return its metamodel attribute, or {@code null} when it is invalid (reported)
     */
    @Nullable
    MappedProperty check(Element member, String entity, TypeMirror valueType, Map<String, String> columns) {
        anchor = member;
        boolean id = EntityRules.annotation(member, "Id") != null;
        String name = member.getSimpleName().toString();
        String where = entity + "." + name;
        if (id && !isRecord(valueType)) {
            rules.error(
                    anchor,
                    "Cannot map " + where + ": a composite id must be a record of its columns (record "
                            + simpleName(valueType) + "(long a, int b)), so that it is immutable and compares by value;"
                            + " make " + rules.names.print(rules.types.erasure(valueType)) + " a record");
            return null;
        }
        if (id && EntityRules.annotation(member, "GeneratedValue") != null) {
            rules.error(
                    anchor,
                    "Cannot map " + where + ": @Id, @GeneratedValue, @Version, @CreatedAt and @UpdatedAt cannot be"
                            + " inside an @Embedded value or a composite id; put them on the entity");
            return null;
        }
        String prefix = prefix(member, id ? "" : SnakeCase.of(name) + "_");
        return embed(member, entity, name, valueType, prefix, id, columns, new LinkedHashSet<>());
    }

    private @Nullable MappedProperty embed(
            Element member,
            String entity,
            String path,
            TypeMirror valueType,
            String prefix,
            boolean id,
            Map<String, String> columns,
            Set<String> enclosing) {
        String where = entity + "." + path;
        String typeName = rules.names.print(rules.types.erasure(valueType));
        if (!(valueType instanceof DeclaredType declared)
                || !(declared.asElement() instanceof TypeElement type)
                || !valueObject(type)) {
            rules.error(anchor, notValueObject(where, typeName, id));
            return null;
        }
        if (EntityRules.annotation(type, "Table") != null) {
            rules.error(
                    anchor,
                    "Cannot map " + where + ": " + typeName + " is an entity (@Table); embed a value object, or refer"
                            + " to the entity with @ManyToOne");
            return null;
        }
        if (!enclosing.add(typeName)) {
            rules.error(
                    anchor,
                    "Cannot map " + where + ": " + typeName + " embeds itself; a value object cannot contain itself"
                            + " (map the nested value as @Json, or break the cycle)");
            return null;
        }
        rules.identifier(
                anchor,
                prefix.isEmpty() ? "x" : prefix,
                "column prefix",
                where,
                " (set @Embedded(prefix = ...) to a valid name)");
        List<MappedProperty> parts = new ArrayList<>();
        for (Element part : members(type, where)) {
            MappedProperty mapped = part(part, entity, path, prefix, id, columns, enclosing);
            if (mapped != null) {
                parts.add(mapped);
            }
        }
        enclosing.remove(typeName);
        if (parts.isEmpty()) {
            rules.error(
                    anchor,
                    "Cannot map " + where + ": " + typeName + " has no persistent properties, so it maps to no column;"
                            + " give it some, or mark the property @Transient");
            return null;
        }
        return new MappedProperty(path, typeName, typeName, MappedProperty.Kind.EMBEDDED, parts);
    }

    private @Nullable MappedProperty part(
            Element part,
            String entity,
            String owner,
            String prefix,
            boolean id,
            Map<String, String> columns,
            Set<String> enclosing) {
        String name = part.getSimpleName().toString();
        String path = owner + "." + name;
        String where = entity + "." + path;
        TypeMirror valueType = part.asType();
        if (rules.relation(part, where, valueType) != null) {
            rules.error(
                    anchor,
                    "Cannot map " + where + ": relations cannot be inside an @Embedded value or a composite id;"
                            + " declare the relation on the entity");
            return null;
        }
        for (String role : List.of("Id", "GeneratedValue", "Version", "CreatedAt", "UpdatedAt")) {
            if (EntityRules.annotation(part, role) != null) {
                rules.error(
                        anchor,
                        "Cannot map " + where + ": @Id, @GeneratedValue, @Version, @CreatedAt and @UpdatedAt cannot"
                                + " be inside an @Embedded value or a composite id; put them on the entity");
                return null;
            }
        }
        if (EntityRules.annotation(part, "Embedded") != null) {
            if (id) {
                rules.error(anchor, unsupportedIdComponent(where, "a nested value object"));
                return null;
            }
            return embed(
                    part,
                    entity,
                    path,
                    valueType,
                    prefix + prefix(part, SnakeCase.of(name) + "_"),
                    false,
                    columns,
                    enclosing);
        }
        String raw = rules.names.print(rules.types.erasure(valueType));
        boolean json = EntityRules.annotation(part, "Json") != null;
        if (id
                && (json || valueType.getKind() == TypeKind.ARRAY || raw.startsWith("java.util."))
                && !raw.equals("java.util.UUID")) {
            rules.error(anchor, unsupportedIdComponent(where, raw));
            return null;
        }
        AnnotationMirror column = EntityRules.annotation(part, "Column");
        String declared = column == null ? "" : rules.stringValue(column, "name");
        String columnName = prefix + (declared.isEmpty() ? SnakeCase.of(name) : declared);
        rules.identifier(anchor, columnName, "column name", where, MappingMessages.COLUMN_NAME_FIX);
        String clash = columns.putIfAbsent(columnName, path);
        if (clash != null) {
            rules.error(anchor, MappingMessages.columnClash(where, columnName, clash, true));
        }
        if (rules.checkTypes && !json && !rules.supported(valueType)) {
            rules.messager.printMessage(
                    Diagnostic.Kind.WARNING,
                    "data-bridge has no built-in codec for " + where + " (" + rules.names.print(valueType)
                            + "): register a TypeCodec for it, annotate it @Json, or mark it @Transient"
                            + " (-Adatabridge.checkTypes=false turns this check off)",
                    anchor);
        }
        return new MappedProperty(path, rules.names.boxed(valueType), rules.names.raw(valueType));
    }

    /** The record components, or the persistent fields (superclass first) of a value object class. */
    private List<Element> members(TypeElement type, String where) {
        if (type.getKind() == ElementKind.RECORD) {
            return rules.recordComponents(type);
        }
        List<TypeElement> hierarchy = new ArrayList<>();
        for (TypeElement current = type; current != null; current = rules.superclass(current)) {
            hierarchy.add(0, current);
        }
        List<Element> members = new ArrayList<>();
        for (TypeElement declaring : hierarchy) {
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (modifiers.contains(Modifier.STATIC)
                        || modifiers.contains(Modifier.TRANSIENT)
                        || EntityRules.annotation(field, "Transient") != null) {
                    continue;
                }
                if (modifiers.contains(Modifier.FINAL)) {
                    rules.error(
                            anchor,
                            "Cannot map " + where + "." + field.getSimpleName() + ": the field is final, so rows"
                                    + " cannot be read into it; make it non-final, mark it @Transient, or make "
                                    + type.getSimpleName() + " a record");
                }
                members.add(field);
            }
        }
        return members;
    }

    private static boolean valueObject(TypeElement type) {
        if (type.getQualifiedName().toString().startsWith("java.")) {
            return false;
        }
        if (type.getKind() == ElementKind.RECORD) {
            return true;
        }
        return type.getKind() == ElementKind.CLASS
                && !type.getModifiers().contains(Modifier.ABSTRACT)
                && (!type.getNestingKind().isNested() || type.getModifiers().contains(Modifier.STATIC))
                && EntityRules.hasNoArgConstructor(type);
    }

    /** {@code @Embedded(prefix = ...)} of a member, or {@code fallback} for the default. */
    private String prefix(Element member, String fallback) {
        AnnotationMirror embedded = EntityRules.annotation(member, "Embedded");
        String prefix = embedded == null ? DEFAULT_PREFIX : rules.stringValue(embedded, "prefix");
        return prefix.equals(DEFAULT_PREFIX) ? fallback : prefix;
    }

    private static boolean isRecord(TypeMirror type) {
        return type instanceof DeclaredType declared && declared.asElement().getKind() == ElementKind.RECORD;
    }

    private static String simpleName(TypeMirror type) {
        return type instanceof DeclaredType declared
                ? declared.asElement().getSimpleName().toString()
                : type.toString();
    }

    private static String notValueObject(String where, String type, boolean id) {
        if (id) {
            return "Cannot map " + where + ": a composite id must be a record of its columns, but " + type
                    + " is not one";
        }
        return "Cannot map " + where + ": @Embedded needs a record or a concrete class with a no-arg constructor (it"
                + " may be private), but " + type + " is neither; make it one, or remove @Embedded to map the value"
                + " as one column (a codec, @Json)";
    }

    private static String unsupportedIdComponent(String where, String what) {
        return "Cannot map " + where + ": a composite id component must be one column of a type that travels in"
                + " arrays (a number, text, uuid, date and time, enum, ...), but it is " + what + "; change its type,"
                + " or keep it out of the id";
    }
}
