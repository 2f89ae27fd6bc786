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

    private static final Map<String, String> ANNOTATIONS = Map.ofEntries(
            Map.entry(
                    "Table",
                    "@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE) public @interface Table {"
                            + " String name() default \"\"; String schema() default \"\"; }"),
            Map.entry(
                    "Column",
                    "@Retention(RetentionPolicy.RUNTIME) public @interface Column { String name() default \"\"; }"),
            Map.entry("Id", "@Retention(RetentionPolicy.RUNTIME) public @interface Id {}"),
            Map.entry(
                    "Embedded",
                    "@Retention(RetentionPolicy.RUNTIME) public @interface Embedded { String DEFAULT ="
                            + " \"<property>_\"; String prefix() default DEFAULT; }"),
            Map.entry(
                    "GeneratedValue",
                    "@Retention(RetentionPolicy.RUNTIME) public @interface GeneratedValue {"
                            + " Strategy strategy() default Strategy.DATABASE; String sequence() default \"\";"
                            + " int allocationSize() default 50; enum Strategy { DATABASE, UUID_V7, SEQUENCE } }"),
            Map.entry("Version", "@Retention(RetentionPolicy.RUNTIME) public @interface Version {}"),
            Map.entry("CreatedAt", "@Retention(RetentionPolicy.RUNTIME) public @interface CreatedAt {}"),
            Map.entry("UpdatedAt", "@Retention(RetentionPolicy.RUNTIME) public @interface UpdatedAt {}"),
            Map.entry("Transient", "@Retention(RetentionPolicy.RUNTIME) public @interface Transient {}"),
            Map.entry("Json", "@Retention(RetentionPolicy.RUNTIME) public @interface Json {}"),
            Map.entry("Enumerated", "@Retention(RetentionPolicy.RUNTIME) public @interface Enumerated {}"),
            Map.entry("ManyToOne", "@Retention(RetentionPolicy.RUNTIME) public @interface ManyToOne {}"),
            Map.entry(
                    "OneToOne",
                    "@Retention(RetentionPolicy.RUNTIME) public @interface OneToOne { String mappedBy() default \"\"; }"),
            Map.entry(
                    "OneToMany",
                    "@Retention(RetentionPolicy.RUNTIME) public @interface OneToMany { String mappedBy() default \"\"; }"),
            Map.entry(
                    "ManyToMany",
                    "@Retention(RetentionPolicy.RUNTIME) public @interface ManyToMany { String mappedBy() default \"\";"
                            + " }"),
            Map.entry(
                    "JoinColumn",
                    "@Retention(RetentionPolicy.RUNTIME) public @interface JoinColumn { String name(); }"),
            Map.entry(
                    "JoinTable", "@Retention(RetentionPolicy.RUNTIME) public @interface JoinTable { String name(); }"));

    private static final String COLUMN = """
            package io.databridge.query;
            public class Column<T, V> {
                Column() {}
                public static <T, V> Column<T, V> of(Class<T> entity, String property, Class<?> valueClass) {
                    return new Column<>();
                }
            }
            """;

    private static final String TO_ONE = """
            package io.databridge.query;
            public final class ToOne<T, R> extends Column<T, R> {
                public static <T, R> ToOne<T, R> relation(Class<T> entity, String property, Class<R> target) {
                    return new ToOne<>();
                }
            }
            """;

    private static final String TO_MANY = """
            package io.databridge.query;
            public final class ToMany<T, E> {
                public static <T, E> ToMany<T, E> relation(Class<T> entity, String property, Class<E> target) {
                    return new ToMany<>();
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
            files.add(write(sourceDir, "io.databridge.query.ToOne", TO_ONE));
            files.add(write(sourceDir, "io.databridge.query.ToMany", TO_MANY));
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
