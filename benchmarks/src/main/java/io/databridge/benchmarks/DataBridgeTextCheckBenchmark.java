package io.databridge.benchmarks;

import io.databridge.types.TypeCodec;
import io.databridge.types.TypeCodecs;
import io.databridge.types.ValueType;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The string bind path without the database: the {@code String} codec's {@code bind}, which checks every value (no NUL,
 * no lone UTF-16 surrogate) before handing it to the driver, here a statement that keeps nothing. Next to it, the UTF-8
 * encoding pgjdbc does of the same string for every bind: the check should cost a fraction of that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DataBridgeTextCheckBenchmark {

    /** 4 KiB of mixed text with valid surrogate pairs, the worst case for the check (it must look at every pair). */
    static final String TEXT_4K = text(4096);

    /** The length of {@link #TEXT_4K} in UTF-8. */
    static final int TEXT_4K_UTF8_BYTES = TEXT_4K.getBytes(StandardCharsets.UTF_8).length;

    /** A short value, as most columns hold. */
    static final String TEXT_32 = text(32);

    private static String text(int length) {
        StringBuilder text = new StringBuilder(length);
        String sample = "data-bridge caf\u00e9 \u4e2d\u6587 \ud83d\ude00 ";
        while (text.length() < length) {
            text.append(sample);
        }
        text.setLength(length);
        if (Character.isHighSurrogate(text.charAt(length - 1))) {
            text.setCharAt(length - 1, 'x');
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private final TypeCodec<String> codec =
            (TypeCodec<String>) TypeCodecs.defaults().resolve(ValueType.of(String.class));

    /** A statement that accepts every bind and keeps nothing: the driver's side is not measured here. */
    private final PreparedStatement sink = (PreparedStatement) Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);

    @Benchmark
    public String s16_textCheck32() throws SQLException {
        codec.bind(sink, 1, TEXT_32);
        return TEXT_32;
    }

    @Benchmark
    public String s16_textCheck4k() throws SQLException {
        codec.bind(sink, 1, TEXT_4K);
        return TEXT_4K;
    }

    @Benchmark
    public byte[] s16b_utf8Encode4k() {
        return TEXT_4K.getBytes(StandardCharsets.UTF_8);
    }
}
