package io.databridge.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/**
 * Generates {@code X_} next to every class or record annotated {@code @io.databridge.mapping.Table}: one {@code public
 * static final io.databridge.query.Column<X, V>} per persistent property, named as the property. Checks the entity
 * against the runtime model's rules first and reports violations as compile errors on the offending element.
 *
 * <p>Option {@code -Adatabridge.checkTypes=false} silences the warning for property types without a built-in codec
 * (for applications that register their own codecs). Option {@code -Adatabridge.invalidEntities=warn} reports mapping
 * violations as warnings and generates no metamodel for those entities, for test sources that hold deliberately
 * invalid entities (data-bridge's own tests of the runtime checks); {@code =ignore} does the same silently.
 *
 * <p>Not thread-safe; javac uses one instance per compilation.
 */
public final class MetamodelProcessor extends AbstractProcessor {

    static final String TABLE = EntityRules.MAPPING + "Table";
    static final String CHECK_TYPES = "databridge.checkTypes";
    static final String INVALID_ENTITIES = "databridge.invalidEntities";

    /** Creates the processor; javac calls this through {@link java.util.ServiceLoader}. */
    public MetamodelProcessor() {}

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(TABLE);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(CHECK_TYPES, INVALID_ENTITIES);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement table = processingEnv.getElementUtils().getTypeElement(TABLE);
        if (table == null) {
            return false;
        }
        boolean checkTypes =
                !"false".equalsIgnoreCase(processingEnv.getOptions().get(CHECK_TYPES));
        EntityRules rules = new EntityRules(
                processingEnv.getMessager(),
                processingEnv.getElementUtils(),
                processingEnv.getTypeUtils(),
                checkTypes,
                violationKind());
        for (Element element : round.getElementsAnnotatedWith(table)) {
            if (!(element instanceof TypeElement entity)) {
                continue;
            }
            List<MappedProperty> properties = rules.check(entity);
            if (properties != null) {
                write(entity, properties);
            }
        }
        return false;
    }

    /** How a mapping violation is reported: an error by default, per {@code -Adatabridge.invalidEntities}. */
    private Diagnostic.@Nullable Kind violationKind() {
        String invalidEntities = processingEnv.getOptions().get(INVALID_ENTITIES);
        if ("warn".equalsIgnoreCase(invalidEntities)) {
            return Diagnostic.Kind.WARNING;
        }
        return "ignore".equalsIgnoreCase(invalidEntities) ? null : Diagnostic.Kind.ERROR;
    }

    private void write(TypeElement entity, List<MappedProperty> properties) {
        PackageElement packageElement = processingEnv.getElementUtils().getPackageOf(entity);
        String packageName = packageElement.isUnnamed()
                ? ""
                : packageElement.getQualifiedName().toString();
        String simpleName = metamodelName(entity);
        String qualifiedName = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
        MappedProperty distribution = null;
        String distributedBy = distributedBy(entity);
        if (distributedBy != null) {
            distribution = properties.stream()
                    .filter(property -> property.name().equals(distributedBy))
                    .findFirst()
                    .orElse(null);
            if (distribution == null) {
                Diagnostic.Kind kind = violationKind();
                if (kind != null) {
                    processingEnv
                            .getMessager()
                            .printMessage(
                                    kind,
                                    "Cannot map " + entity.getQualifiedName() + ": @Distributed(by = \"" + distributedBy
                                            + "\") names no persistent property; name one of "
                                            + properties.stream()
                                                    .map(MappedProperty::name)
                                                    .sorted()
                                                    .toList(),
                                    entity);
                }
                return;
            }
        }
        String source = MetamodelWriter.source(
                packageName, simpleName, entity.getQualifiedName().toString(), properties, distribution);
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(qualifiedName, entity);
            try (Writer writer = file.openWriter()) {
                writer.write(source);
            }
        } catch (IOException ex) {
            processingEnv
                    .getMessager()
                    .printMessage(
                            Diagnostic.Kind.ERROR, "Cannot write the metamodel " + qualifiedName + ": " + ex, entity);
        }
    }

    /** The property named by the entity's {@code @Distributed(by = ...)}, or {@code null}. */
    private static @Nullable String distributedBy(TypeElement entity) {
        for (AnnotationMirror annotation : entity.getAnnotationMirrors()) {
            if (((TypeElement) annotation.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals("io.databridge.mapping.Distributed")) {
                for (var entry : annotation.getElementValues().entrySet()) {
                    if (entry.getKey().getSimpleName().contentEquals("by")) {
                        return String.valueOf(entry.getValue().getValue());
                    }
                }
            }
        }
        return null;
    }

    /** {@code User_} for {@code User}; {@code Outer_User_} for a nested {@code Outer.User}. */
    static String metamodelName(TypeElement entity) {
        StringBuilder name = new StringBuilder(entity.getSimpleName());
        for (Element enclosing = entity.getEnclosingElement();
                enclosing != null && enclosing.getKind() != ElementKind.PACKAGE;
                enclosing = enclosing.getEnclosingElement()) {
            name.insert(0, enclosing.getSimpleName() + "_");
        }
        return name.append('_').toString();
    }
}
