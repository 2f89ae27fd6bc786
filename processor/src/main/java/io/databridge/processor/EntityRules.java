package io.databridge.processor;

import io.databridge.internal.rules.IdentifierRule;
import io.databridge.internal.rules.LookAlikeAnnotations;
import io.databridge.internal.rules.MappingMessages;
import io.databridge.internal.rules.SnakeCase;
import io.databridge.internal.rules.ValueTypeNames;
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
 * The processor must not depend on data-bridge-core (core's own tests use it); the rules both apply (supported types,
 * naming, identifiers, look-alike annotations, the messages) come from data-bridge-mapping-rules
 * ({@code io.databridge.internal.rules}), which both depend on. Reports every violation on the offending element and returns the
 * persistent properties in the runtime's order.
 */
final class EntityRules {

    static final String MAPPING = LookAlikeAnnotations.MAPPING;
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
            error(entity, MappingMessages.notConcrete(type));
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
            identifier(entity, tableName, "table name", type, MappingMessages.TABLE_NAME_FIX);
        }
        if (!schema.isEmpty()) {
            identifier(entity, schema, "schema of table name", type, "");
        }
        List<Element> members = entity.getKind() == ElementKind.RECORD ? recordComponents(entity) : fields(entity);
        if (entity.getKind() != ElementKind.RECORD && !hasNoArgConstructor(entity)) {
            error(entity, MappingMessages.noNoArgConstructor(type));
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
                        error(
                                member,
                                MappingMessages.twoIds(type, id.getSimpleName().toString(), name));
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
                columnName = joinColumn == null ? SnakeCase.of(name) + "_id" : stringValue(joinColumn, "name");
                AnnotationMirror oneToOne = annotation(member, "OneToOne");
                if (oneToOne != null && !stringValue(oneToOne, "mappedBy").isEmpty()) {
                    properties.add(relation);
                    continue;
                }
            }
            if (!columnName.isEmpty()) {
                identifier(member, columnName, "column name", where, MappingMessages.COLUMN_NAME_FIX);
            } else {
                columnName = SnakeCase.of(name);
            }
            String clash = columns.putIfAbsent(columnName, name);
            if (clash != null) {
                error(member, MappingMessages.columnClash(where, columnName, clash));
            }
            int roles = 0;
            boolean isId = annotation(member, "Id") != null;
            if (isId) {
                roles++;
                if (id != null) {
                    error(
                            member,
                            MappingMessages.twoIds(type, id.getSimpleName().toString(), name));
                }
                id = member;
            }
            if (annotation(member, "Version") != null) {
                roles++;
                if (!ValueTypeNames.VERSIONS.contains(raw)) {
                    error(member, MappingMessages.versionType(where, raw));
                }
                if (version != null) {
                    error(
                            member,
                            MappingMessages.twoVersions(
                                    type, version.getSimpleName().toString(), name));
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
                error(member, MappingMessages.moreThanOneRole(where));
            } else if (timestamp && !ValueTypeNames.TIMESTAMPS.contains(raw)) {
                error(member, MappingMessages.timestampType(where, raw));
            }
            AnnotationMirror generatedValue = annotation(member, "GeneratedValue");
            if (generatedValue != null) {
                if (isId && uuidV7(generatedValue) && !raw.equals(ValueTypeNames.UUID)) {
                    error(member, MappingMessages.uuidV7Type(where, raw));
                } else if (!isId) {
                    error(member, MappingMessages.generatedNotOnId(where));
                } else if (!ValueTypeNames.generatable(raw)) {
                    error(member, MappingMessages.generatedType(where, raw));
                } else {
                    String problem = MappingMessages.sequenceProblem(
                            where,
                            strategy(generatedValue),
                            stringValue(generatedValue, "sequence"),
                            intValue(generatedValue, "allocationSize"),
                            raw);
                    if (problem != null) {
                        error(member, problem);
                    }
                }
            }
            boolean json = annotation(member, "Json") != null;
            if (annotation(member, "Enumerated") != null && !isEnumLike(valueType)) {
                error(member, MappingMessages.enumeratedNeedsEnum(where, raw));
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
            error(entity, MappingMessages.noProperties(type));
        } else if (id == null) {
            error(entity, MappingMessages.noId(type));
        }
        return failed ? null : properties;
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
            error(member, MappingMessages.moreThanOneRelation(where));
            return null;
        }
        TypeMirror target = valueType;
        if (toMany) {
            String raw = names.print(types.erasure(valueType));
            if (!(raw.equals("java.util.List") || raw.equals("java.util.Set") || raw.equals("java.util.Collection"))
                    || !(valueType instanceof DeclaredType declared)
                    || declared.getTypeArguments().size() != 1) {
                error(member, MappingMessages.toManyType(where, names.print(valueType)));
                return null;
            }
            target = declared.getTypeArguments().get(0);
        }
        if (!(target instanceof DeclaredType declaredTarget)
                || annotation(declaredTarget.asElement(), "Table") == null) {
            error(member, MappingMessages.relationTargetNotEntity(where, names.print(target)));
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
                        MappingMessages.transientRecordComponent(
                                entity.getQualifiedName() + "." + component.getSimpleName()));
            }
            members.add(component);
        }
        return members;
    }

    void rejectLookAlikes(TypeElement entity, Element member) {
        for (AnnotationMirror mirror : member.getAnnotationMirrors()) {
            String imported = ((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
                    .toString();
            String replacement = LookAlikeAnnotations.replacement(imported);
            if (replacement != null) {
                error(
                        member,
                        MappingMessages.lookAlike(
                                entity.getQualifiedName() + "." + member.getSimpleName(), imported, replacement));
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
                    error(field, MappingMessages.finalField(entity.getQualifiedName() + "." + field.getSimpleName()));
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
        if (ValueTypeNames.SCALARS.contains(raw) || isEnum(type)) {
            return true;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            TypeMirror component = ((ArrayType) type).getComponentType();
            String element = names.print(types.erasure(component));
            return element.equals(ValueTypeNames.BYTE)
                    || ValueTypeNames.PRIMITIVE_ARRAY_ELEMENTS.contains(element)
                    || ValueTypeNames.ARRAY_ELEMENTS.contains(element)
                    || isEnum(component);
        }
        if (raw.equals("java.util.List") && type instanceof DeclaredType declared) {
            List<? extends TypeMirror> arguments = declared.getTypeArguments();
            return arguments.size() == 1
                    && (ValueTypeNames.ARRAY_ELEMENTS.contains(names.print(types.erasure(arguments.get(0))))
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

    void identifier(Element element, String name, String what, String where, String fix) {
        String problem = IdentifierRule.problem(name, what);
        if (problem != null) {
            error(element, MappingMessages.cannotMap(where, problem + fix));
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
        return strategy(generatedValue).equals("UUID_V7");
    }

    /** The constant name of a {@code @GeneratedValue}'s strategy ({@code DATABASE} when not set). */
    private static String strategy(AnnotationMirror generatedValue) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                generatedValue.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("strategy")
                    && entry.getValue().getValue() instanceof VariableElement constant) {
                return constant.getSimpleName().toString();
            }
        }
        return "DATABASE";
    }

    /** An int attribute with its default; 1 when the annotation (an older data-bridge) has no such attribute. */
    private int intValue(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)
                    && entry.getValue().getValue() instanceof Integer value) {
                return value;
            }
        }
        return 1;
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
