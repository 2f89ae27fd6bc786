package io.databridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Streams 1,000,000 rows of about 200 bytes each (over 200 MB as objects) in a forked JVM limited to 64 MB of heap.
 * The same JVM reading the rows into a list runs out of memory, which shows the limit really bites.
 */
@PostgresTest
class StreamingHeapLimitTest {

    private static final int ROWS = 1_000_000;

    @BeforeAll
    static void fillTable(TestSchema schema) {
        DataBridge.create(schema.dataSource()).schema().create(Event.class);
        schema.execute("INSERT INTO event SELECT g, repeat('x', 200) || g FROM generate_series(1, " + ROWS + ") g");
    }

    @Test
    void aMillionRowsStreamInSixtyFourMegabytes(TestSchema schema) throws Exception {
        Result result = fork(schema, "stream");
        assertThat(result.output()).contains("rows=" + ROWS);
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void theSameRowsInAListDoNotFitSoTheLimitIsReal(TestSchema schema) throws Exception {
        Result result = fork(schema, "list");
        assertThat(result.output()).contains("OutOfMemoryError");
        assertThat(result.exitCode()).isNotZero();
    }

    private record Result(int exitCode, String output) {}

    private static Result fork(TestSchema schema, String mode) throws IOException, InterruptedException {
        HikariDataSource pool = (HikariDataSource) schema.dataSource();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Child.class.getName(),
                        mode,
                        pool.getJdbcUrl(),
                        String.valueOf(pool.getUsername()),
                        pool.getPassword() == null ? "" : pool.getPassword(),
                        schema.name())
                .redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the forked JVM did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    /** The forked JVM: streams (or lists) every event outside any transaction and prints what it read. */
    public static final class Child {
        public static void main(String[] args) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(args[1]);
            dataSource.setUser(args[2]);
            if (!args[3].isEmpty()) {
                dataSource.setPassword(args[3]);
            }
            dataSource.setCurrentSchema(args[4]);
            SelectQuery<Event> events =
                    DataBridge.create(dataSource).from(Event.class).fetchSize(1000);
            long rows = 0;
            long bytes = 0;
            if (args[0].equals("stream")) {
                try (Stream<Event> stream = events.stream()) {
                    for (Event event : (Iterable<Event>) stream::iterator) {
                        rows++;
                        bytes += event.payload().length();
                    }
                }
            } else {
                List<Event> all = events.list();
                rows = all.size();
            }
            System.out.println("rows=" + rows + " bytes=" + bytes);
        }
    }
}
