package io.databridge.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The sample as it ships: the executable jar built by {@code spring-boot:repackage}, started with {@code java -jar}
 * (run by failsafe after the package phase). Each started JVM is bounded in time and destroyed at the end.
 */
class PackagedJarIT {

    private final Path jar = Path.of(System.getProperty("sample.jar", "target/data-bridge-sample-app.jar"));

    @Test
    void theProcessorStaysOutOfTheExecutableJar() throws IOException {
        List<String> libraries = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Collections.list(file.entries()).stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .forEach(libraries::add);
        }
        assertThat(libraries).anyMatch(name -> name.startsWith("BOOT-INF/lib/data-bridge-core-"));
        assertThat(libraries).noneMatch(name -> name.contains("data-bridge-processor"));
    }

    @Test
    void theEmbeddedDatabaseIsRefusedInAPackagedApplication() throws Exception {
        Run run = start("--server.port=0");
        assertThat(run.process.waitFor(180, TimeUnit.SECONDS))
                .as("the application stops by itself")
                .isTrue();
        String output = run.output();
        assertThat(run.process.exitValue()).isNotZero();
        assertThat(output)
                .contains("Embedded PostgreSQL refused: this packaged application (java -jar) has"
                        + " data-bridge-embedded on its class path and no database URL; data-bridge starts an embedded"
                        + " PostgreSQL, whose data is discarded on shutdown, in a packaged application only when"
                        + " data-bridge.embedded.enabled=true is set explicitly.")
                .contains("Set data-bridge.datasource.url (and its username and password) to the application's"
                        + " database.")
                .doesNotContain("Started embedded PostgreSQL");
    }

    @Test
    void theEmbeddedDatabaseStartsWhenEnabledExplicitly() throws Exception {
        Run run = start("--server.port=0", "--data-bridge.embedded.enabled=true");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!run.output().contains("Started SampleApplication") && run.process.isAlive()) {
                assertThat(System.nanoTime()).as("started within 180 s").isLessThan(deadline);
                Thread.sleep(500);
            }
            assertThat(run.output()).contains("Started embedded PostgreSQL").contains("Started SampleApplication");
        } finally {
            run.process.destroy();
            if (!run.process.waitFor(30, TimeUnit.SECONDS)) {
                run.process.destroyForcibly();
            }
        }
    }

    private Run start(String... arguments) throws IOException {
        Path log = Files.createTempFile("sample-jar", ".log");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Run(process, log);
    }

    private record Run(Process process, Path log) {

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }
}
