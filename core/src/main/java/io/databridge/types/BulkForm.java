package io.databridge.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * How the values of one {@link TypeCodec} travel many at a time, as the elements of one PostgreSQL array parameter:
 * bulk inserts and updates ({@code unnest}), {@code IN} lists ({@code = ANY(?)}) and collection parameters of raw SQL.
 * Either the driver encodes the elements itself, as an array of a type it knows ({@link #element}: numbers, booleans,
 * text, uuid), or each value is written in PostgreSQL's text input form and the array is cast to the codec's SQL type
 * in the statement ({@link #text}: timestamps, enums, jsonb, intervals and most codecs of your own).
 *
 * <p>A codec returns its form from {@link TypeCodec#bulkForm()}; the encoding must store exactly what {@link
 * TypeCodec#bind} stores, validation included. Immutable, so thread-safe.
 *
 * @param <T> the codec's Java type
 */
public final class BulkForm<T> {

    private final String elementType;
    private final boolean text;
    private final @Nullable String cast;
    private final IntFunction<Object[]> arrays;
    private final Function<? super T, ?> encoder;

    private BulkForm(
            String elementType,
            boolean text,
            @Nullable String cast,
            IntFunction<Object[]> arrays,
            Function<? super T, ?> encoder) {
        this.elementType = elementType;
        this.text = text;
        this.cast = cast;
        this.arrays = arrays;
        this.encoder = encoder;
    }

    /**
     * Values the driver takes as they are, as elements of an array of {@code elementType}.
     *
     * @param elementType the element type name {@code Connection.createArrayOf} takes, e.g. {@code int8}
     * @param arrays creates the Java array the driver encodes, e.g. {@code Long[]::new}
     * @param <T> the codec's Java type
     * @return the form
     */
    public static <T> BulkForm<T> element(String elementType, IntFunction<Object[]> arrays) {
        return element(elementType, arrays, value -> value);
    }

    /**
     * Values converted to what the driver takes, as elements of an array of {@code elementType}.
     *
     * @param elementType the element type name {@code Connection.createArrayOf} takes, e.g. {@code int4}
     * @param arrays creates the Java array the driver encodes, e.g. {@code Integer[]::new}
     * @param toElement converts one non-null value; may throw {@link IllegalArgumentException} as {@code bind} would
     * @param <T> the codec's Java type
     * @return the form
     */
    public static <T> BulkForm<T> element(
            String elementType, IntFunction<Object[]> arrays, Function<? super T, ?> toElement) {
        return new BulkForm<>(requireName(elementType, "elementType"), false, null, arrays, toElement);
    }

    /**
     * Values written in PostgreSQL's text input form, sent as a {@code text[]} and cast to {@code sqlType[]} in the
     * statement.
     *
     * @param sqlType the SQL type the text is cast to, e.g. {@code timestamptz} (normally {@link TypeCodec#sqlType()})
     * @param toText writes one non-null value; may throw {@link IllegalArgumentException} as {@code bind} would
     * @param <T> the codec's Java type
     * @return the form
     */
    public static <T> BulkForm<T> text(String sqlType, Function<? super T, String> toText) {
        String type = requireName(sqlType, "sqlType");
        boolean plainText = type.equals("text") || type.startsWith("varchar") || type.startsWith("character varying");
        return new BulkForm<>("text", true, plainText ? null : type, String[]::new, toText);
    }

    private static String requireName(String name, String what) {
        Objects.requireNonNull(name, what + " must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return name;
    }

    /**
     * The element type name of the array parameter, for {@code Connection.createArrayOf}: the driver's type, or {@code
     * text} for the text form.
     *
     * @return the type name
     */
    public String elementType() {
        return elementType;
    }

    /**
     * The SQL type the text elements are cast to, or {@code null} when the array needs no cast (the driver's own type,
     * or text stored as text).
     *
     * @return the SQL type or {@code null}
     */
    public @Nullable String cast() {
        return cast;
    }

    /**
     * Whether values travel in their text form.
     *
     * @return {@code true} for {@link #text}
     */
    public boolean isText() {
        return text;
    }

    /**
     * A new Java array for {@code size} elements, of the class the driver encodes.
     *
     * @param size the number of elements
     * @return the array
     */
    public Object[] newArray(int size) {
        return arrays.apply(size);
    }

    /**
     * Encodes one value as an array element.
     *
     * @param value the value, {@code null} for SQL {@code NULL}
     * @return the element, {@code null} for {@code null}
     * @throws IllegalArgumentException when the value cannot be stored (as {@link TypeCodec#bind} would throw)
     * @throws ClassCastException when the value is not of the codec's type
     */
    public @Nullable Object encode(@Nullable T value) {
        return value == null ? null : encoder.apply(value);
    }

    /**
     * PostgreSQL's text input form of a one-dimensional array of these values, e.g. {@code {"PG-13","R",NULL}}, for a
     * parameter sent untyped so that the server gives it the type its context needs.
     *
     * @param values the values, {@code null} elements allowed
     * @return the array literal
     * @throws IllegalArgumentException when a value cannot be stored (as {@link TypeCodec#bind} would throw)
     */
    public String arrayLiteral(Iterable<? extends @Nullable T> values) {
        List<@Nullable Object> elements = new ArrayList<>();
        for (T value : values) {
            elements.add(encode(value));
        }
        return arrayLiteral(elements.toArray());
    }

    /** The array literal of elements already in the driver's form, written with their {@code toString()}. */
    static String arrayLiteral(@Nullable Object[] elements) {
        StringBuilder literal = new StringBuilder(2 + elements.length * 8).append('{');
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            Object element = elements[i];
            if (element == null) {
                literal.append("NULL");
                continue;
            }
            String text = element.toString();
            literal.append('"');
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /**
     * The placeholder of one array parameter of this form in SQL, e.g. {@code ?::int8[]} or {@code
     * ?::text[]::timestamptz[]}.
     *
     * @return the placeholder
     */
    public String arrayPlaceholder() {
        return cast == null ? "?::" + elementType + "[]" : "?::" + elementType + "[]::" + cast + "[]";
    }
}
