package io.databridge.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles sources held in strings with the metamodel processor, next to stubs of data-bridge's annotations. */
final class Compilation {

    private static final String STUBS = """
            package io.databridge.mapping;
            import java.lang.annotation.*;
            """;

    private static final Map<String, String> ANNOTATIONS = Map.of(
            "Table",
            "@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE) public @interface Table {"
                    + " String name() default \"\"; String schema() default \"\"; }",
            "Column",
            "@Retention(RetentionPolicy.RUNTIME) public @interface Column { String name() default \"\"; }",
            "Id",
            "@Retention(RetentionPolicy.RUNTIME) public @interface Id {}",
            "GeneratedValue",
            "@Retention(RetentionPolicy.RUNTIME) public @interface GeneratedValue {"
                    + " Strategy strategy() default Strategy.DATABASE; enum Strategy { DATABASE, UUID_V7 } }",
            "Version",
            "@Retention(RetentionPolicy.RUNTIME) public @interface Version {}",
            "CreatedAt",
            "@Retention(RetentionPolicy.RUNTIME) public @interface CreatedAt {}",
            "UpdatedAt",
            "@Retention(RetentionPolicy.RUNTIME) public @interface UpdatedAt {}",
            "Transient",
            "@Retention(RetentionPolicy.RUNTIME) public @interface Transient {}",
            "Json",
            "@Retention(RetentionPolicy.RUNTIME) public @interface Json {}",
            "Enumerated",
            "@Retention(RetentionPolicy.RUNTIME) public @interface Enumerated {}");

    private static final String COLUMN = """
            package io.databridge.query;
            public final class Column<T, V> {
                private Column() {}
                public static <T, V> Column<T, V> of(Class<T> entity, String property, Class<?> valueClass) {
                    return new Column<>();
                }
            }
            """;

    final boolean success;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    private final Path generated;

    private Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path generated) {
        this.success = success;
        this.diagnostics = diagnostics;
        this.generated = generated;
    }

    static Compilation compile(Path root, String... sources) {
        try {
            Path sourceDir = Files.createDirectories(root.resolve("src"));
            Path classes = Files.createDirectories(root.resolve("classes"));
            Path generated = Files.createDirectories(root.resolve("generated"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> annotation : ANNOTATIONS.entrySet()) {
                files.add(write(
                        sourceDir, "io.databridge.mapping." + annotation.getKey(), STUBS + annotation.getValue()));
            }
            files.add(write(sourceDir, "io.databridge.query.Column", COLUMN));
            for (String source : sources) {
                files.add(write(sourceDir, qualifiedName(source), source));
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
            try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(collector, Locale.ROOT, null)) {
                JavaCompiler.CompilationTask task = compiler.getTask(
                        null,
                        fileManager,
                        collector,
                        List.of(
                                "-d",
                                classes.toString(),
                                "-s",
                                generated.toString(),
                                "-Xlint:all,-processing",
                                "-Werror"),
                        null,
                        fileManager.getJavaFileObjectsFromPaths(files));
                task.setProcessors(List.of(new MetamodelProcessor()));
                boolean success = task.call();
                return new Compilation(success, collector.getDiagnostics(), generated);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The generated source of a metamodel class, e.g. {@code com.example.User_}. */
    String generated(String qualifiedName) {
        try {
            return Files.readString(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    boolean hasGenerated(String qualifiedName) {
        return Files.exists(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
    }

    /** Error messages with the element's line, e.g. {@code 7: Cannot map ...}. */
    List<String> errors() {
        return messages(Diagnostic.Kind.ERROR);
    }

    List<String> warnings() {
        return messages(Diagnostic.Kind.WARNING);
    }

    private List<String> messages(Diagnostic.Kind kind) {
        return diagnostics.stream()
                .filter(d -> d.getKind() == kind)
                .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }

    private static Path write(Path dir, String qualifiedName, String source) throws IOException {
        Path file = dir.resolve(qualifiedName.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source);
    }

    private static String qualifiedName(String source) {
        String packageName = source.lines()
                .filter(line -> line.startsWith("package "))
                .map(line -> line.substring(8, line.indexOf(';')).trim())
                .findFirst()
                .orElse("");
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?:class|record|interface|enum)\\s+(\\w+)")
                .matcher(source);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no type in source");
        }
        return packageName.isEmpty() ? matcher.group(1) : packageName + "." + matcher.group(1);
    }
}
