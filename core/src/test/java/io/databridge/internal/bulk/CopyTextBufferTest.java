package io.databridge.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

class CopyTextBufferTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final CopyTextBuffer buffer = new CopyTextBuffer(copyIn());

    private CopyIn copyIn() {
        return (CopyIn) Proxy.newProxyInstance(
                CopyIn.class.getClassLoader(), new Class<?>[] {CopyIn.class}, (proxy, method, args) -> {
                    if (method.getName().equals("writeToCopy") && args.length == 3) {
                        written.write((byte[]) args[0], (int) args[1], (int) args[2]);
                    }
                    return null;
                });
    }

    private String text() throws SQLException {
        buffer.flush();
        return written.toString(StandardCharsets.UTF_8);
    }

    @Test
    void integralNumbersAreWrittenDigitByDigit() throws SQLException {
        for (long value : new long[] {0, 7, -7, 10, 999_999, Long.MAX_VALUE, Long.MIN_VALUE}) {
            buffer.integral(value);
            buffer.tab();
        }
        buffer.value(42);
        buffer.value((short) -3);
        assertThat(text()).isEqualTo("0\t7\t-7\t10\t999999\t9223372036854775807\t-9223372036854775808\t42-3");
    }

    @Test
    void textIsEscapedAndEncodedAsUtf8() throws SQLException {
        buffer.text("a\\b\tc\nd\re ü ✓ 🚚");
        buffer.tab();
        buffer.text(null);
        buffer.tab();
        buffer.value(true);
        buffer.value(false);
        buffer.value(1.5e-3);
        buffer.endRow();
        assertThat(text()).isEqualTo("a\\\\b\\tc\\nd\\re ü ✓ 🚚\t\\N\ttf0.0015\n");
    }

    @Test
    void anUnpairedSurrogateIsWrittenAsGetBytesWritesIt() throws SQLException {
        String value = "x\ud800y";
        buffer.text(value);
        assertThat(text()).isEqualTo(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void textLongerThanTheBufferArrivesWhole() throws SQLException {
        String value = "ü".repeat(100_000) + "end";
        buffer.text(value);
        assertThat(text()).isEqualTo(value);
    }
}
