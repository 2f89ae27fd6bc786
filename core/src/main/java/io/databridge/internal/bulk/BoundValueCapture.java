package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.Rows;
import io.databridge.internal.model.PropertyModel;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGobject;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Turns a property value into PostgreSQL's text input form by letting the property's own codec bind it to a recording
 * statement, so a bulk insert stores exactly what a single insert would, validation included. The recording statement
 * accepts the setters codecs use ({@code setString}, {@code setLong}, {@code setObject} with a {@code PGobject},
 * {@code setArray}, ...); a value bound any other way is {@linkplain #UNSUPPORTED unsupported}, and the caller falls
 * back to single-row inserts.
 *
 * <p>One instance per bulk call and connection; not thread-safe. The proxy costs one interface dispatch per value,
 * paid only by columns that are not sent as typed arrays (see {@link BulkColumn}).
 */
final class BoundValueCapture implements InvocationHandler {

    /** Marks a value the recording statement cannot turn into text. */
    static final Object UNSUPPORTED = new Object();

    private final Connection connection;
    private final PreparedStatement recorder;
    private @Nullable Object bound;
    private boolean supported;

    BoundValueCapture(Connection connection) {
        this.connection = connection;
        this.recorder = (PreparedStatement) Proxy.newProxyInstance(
                BoundValueCapture.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, this);
    }

    /**
     * Binds {@code value} through the property's codec and returns its text form.
     *
     * @return the text, {@code null} for SQL {@code NULL}, or {@link #UNSUPPORTED}
     * @throws InvalidDataAccessApiUsageException when the codec rejects the value
     */
    @Nullable
    Object text(PropertyModel property, @Nullable Object value) throws SQLException {
        bound = null;
        supported = false;
        Rows.bind(recorder, 1, property, value);
        if (!supported) {
            return UNSUPPORTED;
        }
        return textOf(bound);
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
        switch (method.getName()) {
            case "setNull" -> {
                bound = null;
                supported = true;
            }
            case "setString",
                    "setInt",
                    "setLong",
                    "setShort",
                    "setByte",
                    "setBoolean",
                    "setDouble",
                    "setFloat",
                    "setBigDecimal",
                    "setBytes",
                    "setArray",
                    "setObject" -> {
                bound = args[1];
                supported = true;
            }
            case "getConnection" -> {
                return connection;
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "toString" -> {
                return "BoundValueCapture";
            }
            default -> supported = false;
        }
        return null;
    }

    private static @Nullable Object textOf(@Nullable Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Character
                || value instanceof UUID
                || value instanceof OffsetDateTime
                || value instanceof LocalDateTime
                || value instanceof LocalDate
                || value instanceof LocalTime
                || value instanceof OffsetTime) {
            // Each toString() is a form PostgreSQL's input functions accept (ISO 8601 for java.time).
            return value.toString();
        }
        if (value instanceof PGobject object) {
            return object.getValue();
        }
        if (value instanceof byte[] bytes) {
            return hex(bytes);
        }
        if (value instanceof Array array) {
            return arrayLiteral(array);
        }
        return UNSUPPORTED;
    }

    private static String hex(byte[] bytes) {
        char[] digits = "0123456789abcdef".toCharArray();
        StringBuilder text = new StringBuilder(2 + bytes.length * 2).append("\\x");
        for (byte b : bytes) {
            text.append(digits[(b >> 4) & 0xf]).append(digits[b & 0xf]);
        }
        return text.toString();
    }

    private static Object arrayLiteral(Array array) throws SQLException {
        try {
            Object elements = array.getArray();
            if (!(elements instanceof Object[] items)) {
                return UNSUPPORTED;
            }
            StringBuilder literal = new StringBuilder().append('{');
            for (int i = 0; i < items.length; i++) {
                if (i > 0) {
                    literal.append(',');
                }
                Object text = textOf(items[i]);
                if (text == UNSUPPORTED || items[i] instanceof Object[]) {
                    return UNSUPPORTED;
                }
                if (text == null) {
                    literal.append("NULL");
                } else {
                    literal.append('"');
                    String item = (String) text;
                    for (int c = 0; c < item.length(); c++) {
                        char ch = item.charAt(c);
                        if (ch == '"' || ch == '\\') {
                            literal.append('\\');
                        }
                        literal.append(ch);
                    }
                    literal.append('"');
                }
            }
            return literal.append('}').toString();
        } finally {
            array.free();
        }
    }
}
