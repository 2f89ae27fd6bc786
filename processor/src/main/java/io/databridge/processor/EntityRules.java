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

    final Messager messager;
    private final Elements elements;
    final Types types;
    final TypeNames names;
    final boolean checkTypes;
    /** How a violation is reported; {@code null}: not at all (the entity still gets no metamodel). */
    private final Diagnostic.@Nullable Kind violation;

    private boolean failed;
    private final EmbeddedRules embeddedRules = new EmbeddedRules(this);

    EntityRules(
            Messager messager,
            Elements elements,
            Types types,
            boolean checkTypes,
            Diagnostic.@Nullable Kind violation) {
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
            MappedProperty relation = relation(member, where, valueType);
            if (relation != null && relation.kind() == MappedProperty.Kind.TO_MANY) {
                properties.add(relation);
                continue;
            }
            if (relation == null && EmbeddedRules.embeds(member, valueType)) {
                if (annotation(member, "Id") != null) {
                    if (id != null) {
                        error(member, duplicateId(type, id, name));
                    }
                    id = member;
                }
                MappedProperty embedded = embeddedRules.check(member, type, valueType, columns);
                if (embedded != null) {
                    properties.add(embedded);
                }
                continue;
            }
            AnnotationMirror column = annotation(member, "Column");
            String columnName = column == null ? "" : stringValue(column, "name");
            if (relation != null) {
                AnnotationMirror joinColumn = annotation(member, "JoinColumn");
                columnName = joinColumn == null ? snakeCase(name) + "_id" : stringValue(joinColumn, "name");
                AnnotationMirror oneToOne = annotation(member, "OneToOne");
                if (oneToOne != null && !stringValue(oneToOne, "mappedBy").isEmpty()) {
                    properties.add(relation);
                    continue;
                }
            }
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
                    error(member, duplicateId(type, id, name));
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
            AnnotationMirror generatedValue = annotation(member, "GeneratedValue");
            if (generatedValue != null) {
                if (isId && uuidV7(generatedValue) && !raw.equals("java.util.UUID")) {
                    error(
                            member,
                            "Cannot map " + where + ": @GeneratedValue(strategy = UUID_V7) needs a UUID id but the"
                                    + " type is " + raw);
                } else if (!isId) {
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
            if (relation != null) {
                properties.add(relation);
                continue;
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

    private static String duplicateId(String type, Element id, String name) {
        return "Cannot map " + type + ": both '" + id.getSimpleName() + "' and '" + name + "' are @Id; keep one (a"
                + " composite key is one @Id whose type is a record of its columns)";
    }

    /** The metamodel attribute of a relation property, or {@code null} for a column; reports misuse. */
    @Nullable
    MappedProperty relation(Element member, String where, TypeMirror valueType) {
        boolean toOne = annotation(member, "ManyToOne") != null || annotation(member, "OneToOne") != null;
        boolean toMany = annotation(member, "OneToMany") != null || annotation(member, "ManyToMany") != null;
        if (!toOne && !toMany) {
            return null;
        }
        if (toOne && toMany) {
            error(
                    member,
                    "Cannot map " + where + ": it has more than one of @ManyToOne, @OneToOne, @OneToMany,"
                            + " @ManyToMany; keep one");
            return null;
        }
        TypeMirror target = valueType;
        if (toMany) {
            String raw = names.print(types.erasure(valueType));
            if (!(raw.equals("java.util.List") || raw.equals("java.util.Set") || raw.equals("java.util.Collection"))
                    || !(valueType instanceof DeclaredType declared)
                    || declared.getTypeArguments().size() != 1) {
                error(
                        member,
                        "Cannot map " + where + ": a to-many relation must be a List<E> or Set<E> of an entity"
                                + " class but was " + names.print(valueType));
                return null;
            }
            target = declared.getTypeArguments().get(0);
        }
        if (!(target instanceof DeclaredType declaredTarget)
                || annotation(declaredTarget.asElement(), "Table") == null) {
            error(
                    member,
                    "Cannot map " + where + ": the relation's target " + names.print(target)
                            + " is not an entity; annotate it with @Table, or map the value as a column (@Json, a codec)");
            return null;
        }
        String targetName = names.print(types.erasure(target));
        return new MappedProperty(
                member.getSimpleName().toString(),
                targetName,
                targetName,
                toMany ? MappedProperty.Kind.TO_MANY : MappedProperty.Kind.TO_ONE);
    }

    List<Element> recordComponents(TypeElement entity) {
        List<Element> members = new ArrayList<>();
        for (RecordComponentElement component : ElementFilter.recordComponentsIn(entity.getEnclosedElements())) {
            rejectLookAlikes(entity, component);
            // An annotation without the RECORD_COMPONENT target lands on the field instead.
            for (VariableElement field : ElementFilter.fieldsIn(entity.getEnclosedElements())) {
                if (field.getSimpleName().contentEquals(component.getSimpleName())) {
                    rejectLookAlikes(entity, field);
                }
            }
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

    /**
     * Mapping annotations of Spring Data and JPA that IDEs offer next to data-bridge's; the same table and message as
     * the runtime's {@code LookAlikeAnnotations}.
     */
    private static final Map<String, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry("org.springframework.data.annotation.Id", MAPPING + "Id"),
            Map.entry("org.springframework.data.annotation.Transient", MAPPING + "Transient"),
            Map.entry("org.springframework.data.annotation.Version", MAPPING + "Version"),
            Map.entry("org.springframework.data.annotation.CreatedDate", MAPPING + "CreatedAt"),
            Map.entry("org.springframework.data.annotation.LastModifiedDate", MAPPING + "UpdatedAt"),
            Map.entry("org.springframework.data.relational.core.mapping.Column", MAPPING + "Column"),
            Map.entry("jakarta.persistence.Id", MAPPING + "Id"),
            Map.entry("jakarta.persistence.Transient", MAPPING + "Transient"),
            Map.entry("jakarta.persistence.Version", MAPPING + "Version"),
            Map.entry("jakarta.persistence.Column", MAPPING + "Column"),
            Map.entry("jakarta.persistence.GeneratedValue", MAPPING + "GeneratedValue"));

    void rejectLookAlikes(TypeElement entity, Element member) {
        for (AnnotationMirror mirror : member.getAnnotationMirrors()) {
            String imported = ((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
                    .toString();
            String replacement = LOOK_ALIKES.get(imported);
            if (replacement != null) {
                error(
                        member,
                        "Cannot map " + entity.getQualifiedName() + "." + member.getSimpleName() + ": it is annotated"
                                + " with " + imported + ", which data-bridge does not read; import " + replacement
                                + " instead");
            }
        }
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
                if (!modifiers.contains(Modifier.STATIC)) {
                    rejectLookAlikes(entity, field);
                }
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

    @Nullable
    TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    static boolean hasNoArgConstructor(TypeElement entity) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(entity.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    boolean supported(TypeMirror type) {
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

    void identifier(Element element, String name, String what, String prefix, String fix) {
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

    /** Whether a {@code @GeneratedValue} says {@code strategy = UUID_V7}. */
    private static boolean uuidV7(AnnotationMirror generatedValue) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                generatedValue.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("strategy")
                    && entry.getValue().getValue() instanceof VariableElement constant
                    && constant.getSimpleName().contentEquals("UUID_V7")) {
                return true;
            }
        }
        return false;
    }

    String stringValue(AnnotationMirror mirror, String attribute) {
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

    void error(Element element, String message) {
        failed = true;
        if (violation != null) {
            messager.printMessage(violation, message, position(element));
        }
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
