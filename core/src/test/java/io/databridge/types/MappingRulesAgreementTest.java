package io.databridge.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.internal.model.EntityModels;
import io.databridge.internal.rules.ValueTypeNames;
import io.databridge.mapping.NamingStrategy;
import io.databridge.mapping.Table;
import io.databridge.processor.MetamodelProcessor;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime (codecs, entity model) and the processor apply the same mapping rules: the tables of
 * data-bridge-mapping-rules list exactly the types the built-in codecs support, and for every candidate property type
 * and role the processor rejects an entity exactly when {@link EntityModels} does.
 */
class MappingRulesAgreementTest {

    /** Property types to try: every rule's types, and some that no rule accepts. */
    private static final List<String> CANDIDATES = candidates();

    @TempDir
    Path dir;

    @Test
    void theScalarTableIsExactlyTheBuiltInCodecs() {
        Set<String> builtIn = TypeCodecs.builtInTypes().stream()
                .filter(type -> type != byte[].class)
                .map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(builtIn).containsExactlyInAnyOrderElementsOf(ValueTypeNames.SCALARS);
        assertThat(TypeCodecs.builtInTypes()).contains(byte[].class);
    }

    @Test
    void theArrayElementTablesAreExactlyTheBuiltInArrayCodecs() {
        Set<String> elements =
                ArrayElement.builtInTypes().stream().map(Class::getName).collect(Collectors.toSet());
        assertThat(elements).containsExactlyInAnyOrderElementsOf(ValueTypeNames.ARRAY_ELEMENTS);

        Set<String> primitives = new TreeSet<>();
        for (Class<?> primitive : List.of(
                boolean.class, byte.class, short.class, int.class, long.class, float.class, double.class, char.class)) {
            Class<?> array = primitive.arrayType();
            if (primitive != byte.class
                    && TypeCodecs.defaults()
                            .find(new ValueType(array, array, false, null, null))
                            .isPresent()) {
                primitives.add(primitive.getName());
            }
        }
        assertThat(primitives).containsExactlyInAnyOrderElementsOf(ValueTypeNames.PRIMITIVE_ARRAY_ELEMENTS);
    }

    @Test
    void theProcessorRejectsAnEntityExactlyWhenTheRuntimeDoes() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < CANDIDATES.size(); i++) {
            String type = CANDIDATES.get(i);
            sources.put("Plain" + i, "@Id Long id; " + type + " value;");
            sources.put("Version" + i, "@Id Long id; @Version " + type + " value;");
            sources.put("Created" + i, "@Id Long id; @CreatedAt " + type + " value;");
            sources.put("Generated" + i, "@Id @GeneratedValue " + type + " value;");
        }
        Map<String, List<String>> processorFindings = compile(sources);
        EntityModels models = new EntityModels(TypeCodecs.defaults(), NamingStrategy.SNAKE_CASE);
        List<String> disagreements = new ArrayList<>();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            for (String name : sources.keySet()) {
                String runtimeFailure = null;
                try {
                    models.get(loader.loadClass("agree." + name));
                } catch (RuntimeException ex) {
                    runtimeFailure = ex.getMessage();
                }
                List<String> findings = processorFindings.getOrDefault(name, List.of());
                if ((runtimeFailure == null) != findings.isEmpty()) {
                    disagreements.add(name + " (" + CANDIDATES.get(index(name)) + "): runtime "
                            + (runtimeFailure == null ? "accepts" : "rejects: " + runtimeFailure) + "; processor "
                            + (findings.isEmpty() ? "accepts" : "rejects: " + findings));
                }
                if (runtimeFailure != null && findings.stream().anyMatch(f -> f.startsWith("Cannot map"))) {
                    // A mapping-rule violation reads the same at compile time and at start-up (a type without a
                    // built-in codec is a warning at compile time, as the application may register one).
                    assertThat(findings).as(name).contains(runtimeFailure);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(processorFindings).as("some candidates are rejected").isNotEmpty();
    }

    private static int index(String entity) {
        return Integer.parseInt(entity.replaceAll("\\D", ""));
    }

    /** Compiles the entities with the processor, violations as warnings; the processor's findings per entity. */
    private Map<String, List<String>> compile(Map<String, String> bodies) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<File> files = new ArrayList<>();
        Path sourceDir = Files.createDirectories(dir.resolve("src/agree"));
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            Path file = sourceDir.resolve(body.getKey() + ".java");
            Files.writeString(
                    file,
                    "package agree;\nimport io.databridge.mapping.*;\n@Table class " + body.getKey() + " { "
                            + body.getValue() + " }\n");
            files.add(file.toFile());
        }
        String annotations = Path.of(Table.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, null)) {
            JavaCompiler.CompilationTask task = compiler.getTask(
                    null,
                    fileManager,
                    diagnostics,
                    List.of(
                            "-classpath",
                            annotations,
                            "-d",
                            dir.toString(),
                            "-s",
                            Files.createDirectories(dir.resolve("generated")).toString(),
                            // Violations as warnings, so the classes are written and the runtime can try them too.
                            // No -Xlint:none: it silences the processor's warnings as well.
                            "-Adatabridge.invalidEntities=warn",
                            // javac reports the first 100 warnings only.
                            "-Xmaxwarns",
                            "100000"),
                    null,
                    fileManager.getJavaFileObjectsFromFiles(files));
            task.setProcessors(List.of(new MetamodelProcessor()));
            assertThat(task.call()).as(diagnostics.getDiagnostics().toString()).isTrue();
        }
        Map<String, List<String>> findings = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.WARNING || diagnostic.getSource() == null) {
                continue;
            }
            String file = Path.of(diagnostic.getSource().toUri()).getFileName().toString();
            String entity = file.substring(0, file.length() - ".java".length());
            findings.computeIfAbsent(entity, key -> new ArrayList<>()).add(diagnostic.getMessage(null));
        }
        return findings;
    }

    private static List<String> candidates() {
        Set<String> types = new TreeSet<>();
        types.addAll(ValueTypeNames.SCALARS);
        types.addAll(ValueTypeNames.GENERATED_INTEGRAL_IDS);
        types.addAll(ValueTypeNames.VERSIONS);
        types.addAll(ValueTypeNames.TIMESTAMPS);
        for (String element : ValueTypeNames.ARRAY_ELEMENTS) {
            types.add(element + "[]");
            types.add("java.util.List<" + element + ">");
        }
        for (String primitive : List.of("boolean", "byte", "short", "int", "long", "float", "double", "char")) {
            types.add(primitive + "[]");
        }
        types.addAll(List.of(
                "java.net.URI",
                "java.util.Date",
                "java.time.ZonedDateTime",
                "java.lang.Object",
                "java.util.List<java.time.Instant>",
                "java.time.Instant[]",
                "java.util.Set<java.lang.String>",
                "java.util.Map<java.lang.String, java.lang.String>",
                "java.lang.Character[]",
                "java.math.BigInteger[]"));
        return List.copyOf(types);
    }
}
