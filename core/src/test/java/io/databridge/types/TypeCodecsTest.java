package io.databridge.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Point;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TypeCodecsTest {

    enum Color {
        RED
    }

    // Fields whose generic types the tests read, as the entity model will.
    List<Point> points;
    List<String> strings;
    Map<String, Object> attributes;

    static Type genericTypeOf(String field) {
        try {
            return TypeCodecsTest.class.getDeclaredField(field).getGenericType();
        } catch (NoSuchFieldException ex) {
            throw new IllegalStateException(ex);
        }
    }

    enum IntegerAsTextCodec implements TypeCodec<Integer> {
        INSTANCE;

        @Override
        public String sqlType() {
            return "text";
        }

        @Override
        public void bind(PreparedStatement statement, int index, @Nullable Integer value) {}

        @Override
        public @Nullable Integer read(ResultSet rows, int index) {
            return null;
        }
    }

    @Test
    void defaultsIsOneSharedInstance() {
        assertThat(TypeCodecs.defaults()).isSameAs(TypeCodecs.defaults());
    }

    @Test
    void aCodecIsResolvedOncePerValueType() {
        ValueType type = new ValueType(List.class, genericTypeOf("strings"), false, null, null);

        assertThat(TypeCodecs.defaults().resolve(type))
                .isSameAs(TypeCodecs.defaults().resolve(type));
    }

    @Test
    void anUnsupportedTypeIsNotFound() {
        assertThat(TypeCodecs.defaults().find(ValueType.of(Point.class))).isEmpty();
    }

    @Test
    void resolvingAnUnsupportedTypeSaysHowToSupportIt() {
        assertThatThrownBy(() -> TypeCodecs.defaults().resolve(ValueType.of(Point.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported type java.awt.Point: register a TypeCodec for it with"
                        + " TypeCodecs.builder().register(Point.class, codec), or mark the property @Json");
    }

    @Test
    void resolvingAListOfAnUnsupportedElementNamesTheSupportedOnes() {
        ValueType type = new ValueType(List.class, genericTypeOf("points"), false, null, null);

        assertThatThrownBy(() -> TypeCodecs.defaults().resolve(type))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported element type in java.util.List<java.awt.Point>: PostgreSQL arrays are"
                        + " supported for String, Short, Integer, Long, Float, Double, Boolean, BigDecimal, UUID,"
                        + " enums and their primitives; mark the property @Json to store it as jsonb, or register a"
                        + " TypeCodec for List with TypeCodecs.builder().register(List.class, codec)");
    }

    @Test
    void aRawListIsRejectedAskingForItsElementType() {
        assertThatThrownBy(() -> TypeCodecs.defaults().resolve(ValueType.of(List.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a List property needs its element type, but the type is java.util.List; declare it,"
                        + " e.g. List<String>");
    }

    @Test
    void aRegisteredCodecWinsOverTheBuiltInForItsExactClass() {
        TypeCodecs codecs = TypeCodecs.builder()
                .register(Integer.class, IntegerAsTextCodec.INSTANCE)
                .build();

        assertThat(codecs.resolve(ValueType.of(Integer.class))).isSameAs(IntegerAsTextCodec.INSTANCE);
        assertThat(codecs.resolve(ValueType.of(int.class))).isNotSameAs(IntegerAsTextCodec.INSTANCE);
    }

    @Test
    void registeringTwoCodecsForOneClassIsRejected() {
        TypeCodecs.Builder builder = TypeCodecs.builder().register(Integer.class, IntegerAsTextCodec.INSTANCE);

        assertThatThrownBy(() -> builder.register(Integer.class, IntegerAsTextCodec.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a TypeCodec for java.lang.Integer is already registered; register one codec per class");
    }

    @Test
    void enumeratedOnANonEnumIsRejected() {
        ValueType type = new ValueType(String.class, String.class, false, EnumType.ORDINAL, null);

        assertThatThrownBy(() -> TypeCodecs.defaults().resolve(type))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@Enumerated applies to enum properties, but the type is java.lang.String; remove"
                        + " @Enumerated");
    }

    @Test
    void aPostgresEnumWithoutTypeNameIsRejected() {
        ValueType type = new ValueType(Color.class, Color.class, false, EnumType.POSTGRES, null);

        assertThatThrownBy(() -> TypeCodecs.defaults().resolve(type))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@Enumerated(POSTGRES) on " + Color.class.getName()
                        + " needs the PostgreSQL enum type name; pass it as ValueType.enumTypeName");
    }

    @Test
    void anEnumArrayStoredByOrdinalIsRejected() {
        ValueType type = new ValueType(Color[].class, Color[].class, false, EnumType.ORDINAL, null);

        assertThatThrownBy(() -> TypeCodecs.defaults().resolve(type))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enum arrays are stored by name as text[], but the type " + Color.class.getTypeName()
                        + "[] asks for @Enumerated(ORDINAL); remove @Enumerated or use EnumType.STRING");
    }

    @Test
    void jsonAndEnumeratedTogetherAreRejected() {
        ValueType type = new ValueType(Color.class, Color.class, true, EnumType.STRING, null);

        assertThatThrownBy(() -> TypeCodecs.defaults().resolve(type))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a property cannot be both @Json and @Enumerated; remove one of the two annotations");
    }

    @Test
    void jsonWinsOverTheBuiltInCodec() {
        ValueType type = new ValueType(String.class, String.class, true, null, null);

        assertThat(TypeCodecs.defaults().resolve(type).sqlType()).isEqualTo("jsonb");
    }

    @Test
    void jsonWithoutJacksonOnTheClassPathSaysWhichDependencyToAdd() throws Exception {
        URL coreClasses = TypeCodecs.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader withoutJackson = new ClassLoader(TypeCodecsTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                // Hide Jackson, and let the child below load data-bridge's own classes afresh.
                if (name.startsWith("tools.jackson.") || name.startsWith("io.databridge.types.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {coreClasses}, withoutJackson)) {
            Class<?> codecs = isolated.loadClass(TypeCodecs.class.getName());
            Class<?> valueType = isolated.loadClass(ValueType.class.getName());
            Object defaults = codecs.getMethod("defaults").invoke(null);
            Object jsonMap = valueType.getConstructors()[0].newInstance(
                    Map.class, genericTypeOf("attributes"), true, null, null);
            Object string = valueType.getMethod("of", Class.class).invoke(null, String.class);
            java.lang.reflect.Method resolve = codecs.getMethod("resolve", valueType);

            assertThat(resolve.invoke(defaults, string)).isNotNull();
            assertThatThrownBy(() -> resolve.invoke(defaults, jsonMap))
                    .cause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("@Json needs Jackson 3 on the class path: add the dependency"
                            + " tools.jackson.core:jackson-databind (Spring Boot 4 brings it), or set a"
                            + " JsonCodecFactory with TypeCodecs.builder().jsonCodecFactory(...)");
        }
    }
}
