package io.databridge.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

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
        String invalidEntities = processingEnv.getOptions().get(INVALID_ENTITIES);
        EntityRules rules = new EntityRules(
                processingEnv.getMessager(),
                processingEnv.getElementUtils(),
                processingEnv.getTypeUtils(),
                checkTypes,
                "warn".equalsIgnoreCase(invalidEntities)
                        ? Diagnostic.Kind.WARNING
                        : "ignore".equalsIgnoreCase(invalidEntities) ? null : Diagnostic.Kind.ERROR);
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

    private void write(TypeElement entity, List<MappedProperty> properties) {
        PackageElement packageElement = processingEnv.getElementUtils().getPackageOf(entity);
        String packageName = packageElement.isUnnamed()
                ? ""
                : packageElement.getQualifiedName().toString();
        String simpleName = metamodelName(entity);
        String qualifiedName = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
        String source = MetamodelWriter.source(
                packageName, simpleName, entity.getQualifiedName().toString(), properties);
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
