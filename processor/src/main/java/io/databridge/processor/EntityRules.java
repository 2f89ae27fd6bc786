package io.databridge.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/**
 * The mapping rules of the runtime entity model ({@code io.databridge.internal.model.EntityModels}), applied at compile time.
 * The processor must not depend on data-bridge-core (core's own tests use it), so the rules are restated here; the
 * messages say the same as the runtime's. Reports every violation on the offending element and returns the
 * persistent properties in the runtime's order.
 */
final class EntityRules {

    static final String MAPPING = "io.databridge.mapping.";
    private static final Set<String> INTEGRAL = Set.of(
            "int", "long", "short", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.math.BigInteger");
    private static final Set<String> VERSION_TYPES =
            Set.of("int", "long", "short", "java.lang.Integer", "java.lang.Long", "java.lang.Short");
    private static final Set<String> TIMESTAMPS =
            Set.of("java.time.Instant", "java.time.OffsetDateTime", "java.time.LocalDateTime");
    private static final Set<String> SCALARS = Set.of(
            "boolean",
            "byte",
            "short",
            "int",
            "long",
            "float",
            "double",
            "char",
            "java.lang.Boolean",
            "java.lang.Byte",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Float",
            "java.lang.Double",
            "java.lang.Character",
            "java.lang.String",
            "java.math.BigDecimal",
            "java.math.BigInteger",
            "java.util.UUID",
            "java.time.Instant",
            "java.time.OffsetDateTime",
            "java.time.LocalDate",
            "java.time.LocalTime",
            "java.time.LocalDateTime",
            "java.time.Duration");
    private static final Set<String> ARRAY_ELEMENTS = Set.of(
            "java.lang.String",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Float",
            "java.lang.Double",
            "java.lang.Boolean",
            "java.math.BigDecimal",
            "java.util.UUID");
    private static final Set<String> PRIMITIVE_ARRAY_ELEMENTS =
            Set.of("short", "int", "long", "float", "double", "boolean");

    private final Messager messager;
    private final Elements elements;
    private final Types types;
    private final TypeNames names;
    private final boolean checkTypes;
    private final Diagnostic.Kind violation;
    private boolean failed;

    EntityRules(Messager messager, Elements elements, Types types, boolean checkTypes, Diagnostic.Kind violation) {
        this.messager = messager;
        this.elements = elements;
        this.types = types;
        this.names = new TypeNames(types);
        this.checkTypes = checkTypes;
        this.violation = violation;
    }

    /**
     * Checks an entity and lists its persistent properties.
     *
     * @return the properties, or {@code null} when the entity has errors (each already reported)
     */
    @Nullable
    List<MappedProperty> check(TypeElement entity) {
        failed = false;
        String type = entity.getQualifiedName().toString();
        if (entity.getKind() == ElementKind.INTERFACE
                || entity.getKind() == ElementKind.ENUM
                || entity.getKind() == ElementKind.ANNOTATION_TYPE
                || entity.getModifiers().contains(Modifier.ABSTRACT)) {
            error(
                    entity,
                    type + " cannot be an entity: it must be a concrete class with a no-arg constructor, or a"
                            + " record");
            return null;
        }
        if (!entity.getTypeParameters().isEmpty()) {
            error(entity, "Cannot map " + type + ": an entity cannot have type parameters");
            return null;
        }
        if (entity.getNestingKind().isNested()
                && !entity.getModifiers().contains(Modifier.STATIC)
                && entity.getKind() != ElementKind.RECORD) {
            error(entity, "Cannot map " + type + ": a nested entity class must be static");
            return null;
        }
        AnnotationMirror table = annotation(entity, "Table");
        String tableName = table == null ? "" : stringValue(table, "name");
        String schema = table == null ? "" : stringValue(table, "schema");
        if (!tableName.isEmpty()) {
            identifier(
                    entity,
                    tableName,
                    "table name",
                    "Cannot map " + type + ": ",
                    " (set @Table(name = ...) to a" + " valid name)");
        }
        if (!schema.isEmpty()) {
            identifier(entity, schema, "schema of table name", "Cannot map " + type + ": ", "");
        }
        List<Element> members = entity.getKind() == ElementKind.RECORD ? recordComponents(entity) : fields(entity);
        if (entity.getKind() != ElementKind.RECORD && !hasNoArgConstructor(entity)) {
            error(
                    entity,
                    "Cannot map " + type
                            + ": it has no no-arg constructor; add one (it may be private), or make the entity a record");
        }
        List<MappedProperty> properties = new ArrayList<>();
        Map<String, String> columns = new HashMap<>();
        Element id = null;
        Element version = null;
        for (Element member : members) {
            String name = member.getSimpleName().toString();
            String where = type + "." + name;
            TypeMirror valueType = member.asType();
            String raw = names.print(types.erasure(valueType));
            AnnotationMirror column = annotation(member, "Column");
            String columnName = column == null ? "" : stringValue(column, "name");
            if (!columnName.isEmpty()) {
                identifier(
                        member,
                        columnName,
                        "column name",
                        "Cannot map " + where + ": ",
                        " (set @Column(name =" + " ...) to a valid name)");
            } else {
                columnName = snakeCase(name);
            }
            String clash = columns.putIfAbsent(columnName, name);
            if (clash != null) {
                error(
                        member,
                        "Cannot map " + where + ": column '" + columnName + "' is already mapped by property '" + clash
                                + "'; give one of them another @Column(name = ...)");
            }
            int roles = 0;
            boolean isId = annotation(member, "Id") != null;
            if (isId) {
                roles++;
                if (id != null) {
                    error(
                            member,
                            "Cannot map " + type + ": both '" + id.getSimpleName() + "' and '" + name
                                    + "' are @Id; composite ids are not supported, keep one");
                }
                id = member;
            }
            if (annotation(member, "Version") != null) {
                roles++;
                if (!VERSION_TYPES.contains(raw)) {
                    error(
                            member,
                            "Cannot map " + where + ": @Version needs an integral type (int, long, Integer or"
                                    + " Long) but was " + raw);
                }
                if (version != null) {
                    error(
                            member,
                            "Cannot map " + type + ": both '" + version.getSimpleName() + "' and '" + name
                                    + "' are @Version; keep one");
                }
                version = member;
            }
            boolean timestamp = false;
            if (annotation(member, "CreatedAt") != null) {
                roles++;
                timestamp = true;
            }
            if (annotation(member, "UpdatedAt") != null) {
                roles++;
                timestamp = true;
            }
            if (roles > 1) {
                error(
                        member,
                        "Cannot map " + where
                                + ": it has more than one of @Id, @Version, @CreatedAt, @UpdatedAt; keep one");
            } else if (timestamp && !TIMESTAMPS.contains(raw)) {
                error(
                        member,
                        "Cannot map " + where + ": @CreatedAt and @UpdatedAt need Instant, OffsetDateTime or"
                                + " LocalDateTime but the type is " + raw);
            }
            if (annotation(member, "GeneratedValue") != null) {
                if (!isId) {
                    error(member, "Cannot map " + where + ": @GeneratedValue is only supported on the @Id property");
                } else if (!INTEGRAL.contains(raw) && !raw.equals("java.util.UUID")) {
                    error(
                            member,
                            "Cannot map " + where + ": @GeneratedValue needs an integral or UUID id but the"
                                    + " type is " + raw + "; assign the id yourself or change its type");
                }
            }
            boolean json = annotation(member, "Json") != null;
            if (annotation(member, "Enumerated") != null && !isEnumLike(valueType)) {
                error(member, "Cannot map " + where + ": @Enumerated needs an enum type but was " + raw);
            }
            if (checkTypes && !json && !supported(valueType)) {
                messager.printMessage(
                        Diagnostic.Kind.WARNING,
                        "data-bridge has no built-in codec for " + where + " (" + names.print(valueType)
                                + "): register a TypeCodec for it, annotate it @Json, or mark it @Transient"
                                + " (-Adatabridge.checkTypes=false turns this check off)",
                        position(member));
            }
            properties.add(new MappedProperty(name, names.boxed(valueType), names.raw(valueType)));
        }
        if (properties.isEmpty()) {
            error(entity, type + " has no persistent properties");
        } else if (id == null) {
            error(
                    entity,
                    "Cannot map " + type + ": no property is annotated with @Id; mark the primary-key property"
                            + " @Id");
        }
        return failed ? null : properties;
    }

    private List<Element> recordComponents(TypeElement entity) {
        List<Element> members = new ArrayList<>();
        for (RecordComponentElement component : ElementFilter.recordComponentsIn(entity.getEnclosedElements())) {
            if (annotation(component, "Transient") != null || transientOnField(entity, component)) {
                error(
                        component,
                        "Cannot map " + entity.getQualifiedName() + "." + component.getSimpleName()
                                + ": a record component cannot be @Transient (the canonical constructor needs it); remove the"
                                + " component or the annotation");
            }
            members.add(component);
        }
        return members;
    }

    private boolean transientOnField(TypeElement entity, RecordComponentElement component) {
        for (VariableElement field : ElementFilter.fieldsIn(entity.getEnclosedElements())) {
            if (field.getSimpleName().contentEquals(component.getSimpleName())
                    && annotation(field, "Transient") != null) {
                return true;
            }
        }
        return false;
    }

    private List<Element> fields(TypeElement entity) {
        List<TypeElement> hierarchy = new ArrayList<>();
        for (TypeElement current = entity; current != null; current = superclass(current)) {
            hierarchy.add(0, current);
        }
        List<Element> members = new ArrayList<>();
        for (TypeElement declaring : hierarchy) {
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (modifiers.contains(Modifier.STATIC)
                        || modifiers.contains(Modifier.TRANSIENT)
                        || annotation(field, "Transient") != null) {
                    continue;
                }
                if (modifiers.contains(Modifier.FINAL)) {
                    error(
                            field,
                            "Cannot map " + entity.getQualifiedName() + "." + field.getSimpleName()
                                    + ": the field is final, so rows cannot be read into it; make it non-final, mark it"
                                    + " @Transient, or make the entity a record");
                }
                members.add(field);
            }
        }
        return members;
    }

    private @Nullable TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    private static boolean hasNoArgConstructor(TypeElement entity) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(entity.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private boolean supported(TypeMirror type) {
        String raw = names.print(types.erasure(type));
        if (SCALARS.contains(raw) || isEnum(type)) {
            return true;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            TypeMirror component = ((ArrayType) type).getComponentType();
            String element = names.print(types.erasure(component));
            return element.equals("byte")
                    || PRIMITIVE_ARRAY_ELEMENTS.contains(element)
                    || ARRAY_ELEMENTS.contains(element)
                    || isEnum(component);
        }
        if (raw.equals("java.util.List") && type instanceof DeclaredType declared) {
            List<? extends TypeMirror> arguments = declared.getTypeArguments();
            return arguments.size() == 1
                    && (ARRAY_ELEMENTS.contains(names.print(types.erasure(arguments.get(0))))
                            || isEnum(arguments.get(0)));
        }
        return false;
    }

    private boolean isEnumLike(TypeMirror type) {
        if (isEnum(type)) {
            return true;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return isEnum(((ArrayType) type).getComponentType());
        }
        if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1) {
            TypeElement collection = elements.getTypeElement("java.util.Collection");
            return collection != null
                    && types.isAssignable(types.erasure(type), types.erasure(collection.asType()))
                    && isEnum(declared.getTypeArguments().get(0));
        }
        return false;
    }

    private static boolean isEnum(TypeMirror type) {
        return type instanceof DeclaredType declared && declared.asElement().getKind() == ElementKind.ENUM;
    }

    private void identifier(Element element, String name, String what, String prefix, String fix) {
        String problem = Identifiers.problem(name, what);
        if (problem != null) {
            error(element, prefix + problem + fix);
        }
    }

    static @Nullable AnnotationMirror annotation(Element element, String simpleName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
            if (annotation.getQualifiedName().contentEquals(MAPPING + simpleName)) {
                return mirror;
            }
        }
        return null;
    }

    private String stringValue(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return String.valueOf(entry.getValue().getValue());
            }
        }
        return "";
    }

    /** The runtime's default naming, {@code NamingStrategy.snakeCase}: {@code createdAt} becomes {@code created_at}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousIsLowerOrDigit =
                        i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean acronymEnds = i > 0
                        && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length()
                        && Character.isLowerCase(name.charAt(i + 1));
                if (previousIsLowerOrDigit || acronymEnds) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void error(Element element, String message) {
        failed = true;
        messager.printMessage(violation, message, position(element));
    }

    /** javac 17 gives record components no source position; their implicit fields have one. */
    private static Element position(Element element) {
        if (element instanceof RecordComponentElement component && component.getEnclosingElement() != null) {
            for (VariableElement field :
                    ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
                if (field.getSimpleName().contentEquals(component.getSimpleName())) {
                    return field;
                }
            }
        }
        return element;
    }
}
