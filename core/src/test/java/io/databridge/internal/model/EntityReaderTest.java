package io.databridge.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.Id;
import io.databridge.mapping.NamingStrategy;
import io.databridge.mapping.Table;
import io.databridge.types.TypeCodecs;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataRetrievalFailureException;

class EntityReaderTest {

    private final EntityModels models = new EntityModels(TypeCodecs.defaults(), NamingStrategy.SNAKE_CASE);

    abstract static class Base {
        @Id
        private @Nullable Long id;

        private @Nullable String label;

        @Nullable
        Long id() {
            return id;
        }

        @Nullable
        String label() {
            return label;
        }
    }

    @Table
    static final class Primitives extends Base {
        private boolean flag;
        private byte tiny;
        private short small;
        private char letter;
        private int count;
        private long big;
        private float ratio;
        private double precise;
        private @Nullable Integer boxed;

        private Primitives() {}
    }

    @Table
    static class OnlyId {
        @Id
        long id;
    }

    @Table
    record Point(@Id long id, int x, @Nullable String name) {}

    @Test
    void aClassIsReadIntoPrivateFieldsOfItselfAndItsSuperclassWithEveryPrimitiveKind() throws Exception {
        EntityModel<Primitives> model = models.get(Primitives.class);
        Primitives read =
                model.reader().read(row(7L, "seven", true, (short) -5, (short) 300, "z", 42, 1L << 40, 1.5f, 2.25d, 9));

        assertThat(read.id()).isEqualTo(7L);
        assertThat(read.label()).isEqualTo("seven");
        assertThat(read.flag).isTrue();
        assertThat(read.tiny).isEqualTo((byte) -5);
        assertThat(read.small).isEqualTo((short) 300);
        assertThat(read.letter).isEqualTo('z');
        assertThat(read.count).isEqualTo(42);
        assertThat(read.big).isEqualTo(1L << 40);
        assertThat(read.ratio).isEqualTo(1.5f);
        assertThat(read.precise).isEqualTo(2.25d);
        assertThat(read.boxed).isEqualTo(9);
    }

    @Test
    void eachPropertyIsReadFromItsOwnColumn() throws Exception {
        EntityModel<Primitives> model = models.get(Primitives.class);
        int[] columns = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        Primitives read = EntityReader.of(model, columns)
                .read(row(9, 2.25d, 1.5f, 1L << 40, 42, "z", (short) 300, (short) -5, true, "seven", 7L));

        assertThat(read.id()).isEqualTo(7L);
        assertThat(read.label()).isEqualTo("seven");
        assertThat(read.count).isEqualTo(42);
        assertThat(read.boxed).isEqualTo(9);
    }

    @Test
    void nullLeavesReferencePropertiesNull() throws Exception {
        Primitives read = models.get(Primitives.class)
                .reader()
                .read(row(null, null, false, (short) 0, (short) 0, "a", 0, 0L, 0f, 0d, null));

        assertThat(read.id()).isNull();
        assertThat(read.label()).isNull();
        assertThat(read.boxed).isNull();
    }

    @Test
    void nullInAPrimitiveFailsWithTheMessageOfInstantiate() {
        EntityModel<Primitives> model = models.get(Primitives.class);
        Object[] values = {1L, "x", true, (byte) 1, (short) 1, 'a', null, 1L, 1f, 1d, null};

        assertThatThrownBy(() ->
                        model.reader().read(row(1L, "x", true, (short) 1, (short) 1, "a", null, 1L, 1f, 1d, null)))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map NULL to " + Primitives.class.getName()
                        + ".count of primitive type int: use the wrapper type or make the column NOT NULL");
        assertThatThrownBy(() -> model.instantiate(values))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map NULL to " + Primitives.class.getName()
                        + ".count of primitive type int: use the wrapper type or make the column NOT NULL");
    }

    @Test
    void theFirstPrimitiveReceivingNullIsNamed() {
        assertThatThrownBy(() -> models.get(Primitives.class)
                        .reader()
                        .read(row(1L, "x", null, (short) 1, (short) 1, "a", null, 1L, 1f, 1d, null)))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageStartingWith("Cannot map NULL to " + Primitives.class.getName() + ".flag ");
    }

    @Test
    void aCodecFailureNamesEntityAndPropertyAndWinsOverAnEarlierNullInAPrimitive() {
        assertThatThrownBy(() -> models.get(Primitives.class)
                        .reader()
                        .read(row(1L, "x", null, (short) 500, (short) 1, "a", 1, 1L, 1f, 1d, null)))
                .isInstanceOf(DataRetrievalFailureException.class)
                .hasMessageStartingWith("Cannot read " + Primitives.class.getName() + ".tiny (byte): ");
    }

    @Test
    void aReaderWithoutAPropertyLeavesItUnreadAndStillNamesTheNullPrimitive() throws Exception {
        EntityModel<Primitives> model = models.get(Primitives.class);
        PropertyModel label = model.property("label").orElseThrow();
        EntityReader<Primitives> reader = model.reader().without(label);
        // The label's column holds a value its codec would reject: the reader never reads it.
        Primitives read = reader.read(row(7L, 12, true, (short) -5, (short) 300, "z", 42, 1L << 40, 1.5f, 2.25d, 9));

        assertThat(read.id()).isEqualTo(7L);
        assertThat(read.label()).isNull();
        assertThat(read.count).isEqualTo(42);
        assertThat(read.boxed).isEqualTo(9);
        assertThatThrownBy(() -> reader.read(row(1L, "x", true, (short) 1, (short) 1, "a", null, 1L, 1f, 1d, null)))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageStartingWith("Cannot map NULL to " + Primitives.class.getName() + ".count ");
    }

    @Test
    void aRecordIsReadWholeByAReaderWithoutAProperty() throws Exception {
        EntityModel<Point> model = models.get(Point.class);
        EntityReader<Point> reader =
                model.reader().without(model.property("name").orElseThrow());

        assertThat(reader.read(row(3L, 4, "p"))).isEqualTo(new Point(3L, 4, "p"));
    }

    /** More properties than the reader chains into one handle: read one by one. */
    @Table
    static class Wide {
        @Id
        long id;

        int f1;
        int f2;
        int f3;
        int f4;
        int f5;
        int f6;
        int f7;
        int f8;
        int f9;
        int f10;
        int f11;
        int f12;
        int f13;
        int f14;
        int f15;
        int f16;
        int f17;
        int f18;
        int f19;
        int f20;
        int f21;
        int f22;
        int f23;
        int f24;
        int f25;
        int f26;
        int f27;
        int f28;
        int f29;
        int f30;
        int f31;
        int f32;
        int f33;
        int f34;
        int f35;
        int f36;
        int f37;
        int f38;
        int f39;
    }

    @Test
    void aWideEntityIsReadPropertyByPropertyWithTheSameRules() throws Exception {
        EntityModel<Wide> model = models.get(Wide.class);
        Object[] values = new Object[40];
        for (int i = 0; i < values.length; i++) {
            values[i] = i == 0 ? (Object) 7L : (Object) (i * 10);
        }
        Wide read = model.reader().read(row(values));

        assertThat(read.id).isEqualTo(7L);
        assertThat(read.f1).isEqualTo(10);
        assertThat(read.f39).isEqualTo(390);
        values[20] = null;
        values[30] = null;
        assertThatThrownBy(() -> model.reader().read(row(values)))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageStartingWith("Cannot map NULL to " + Wide.class.getName() + ".f20 ");
    }

    @Test
    void anEntityWithOneProperty() throws Exception {
        EntityReader<OnlyId> reader = models.get(OnlyId.class).reader();

        assertThat(reader.read(row(5L)).id).isEqualTo(5L);
        assertThatThrownBy(() -> reader.read(row((Object) null)))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageStartingWith("Cannot map NULL to " + OnlyId.class.getName() + ".id of primitive type long");
    }

    @Test
    void aRecordIsBuiltThroughItsCanonicalConstructor() throws Exception {
        EntityModel<Point> model = models.get(Point.class);

        assertThat(model.reader().read(row(3L, 4, "p"))).isEqualTo(new Point(3L, 4, "p"));
        assertThat(EntityReader.of(model, new int[] {3, 2, 1}).read(row(null, 4, 3L)))
                .isEqualTo(new Point(3L, 4, null));
    }

    @Test
    void aRecordRejectsNullInAPrimitiveComponentLikeInstantiate() {
        assertThatThrownBy(() -> models.get(Point.class).reader().read(row(3L, null, "p")))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageStartingWith("Cannot map NULL to " + Point.class.getName() + ".x of primitive type int");
    }

    @Test
    void aLayoutNeedsOneColumnPerProperty() {
        assertThatThrownBy(() -> EntityReader.of(models.get(Point.class), new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected 3 columns for " + Point.class.getName() + " but got 2");
    }

    @Test
    void everyCallReturnsANewInstance() throws Exception {
        EntityReader<Primitives> reader = models.get(Primitives.class).reader();
        ResultSet rows = row(1L, "x", true, (short) 1, (short) 1, "a", 1, 1L, 1f, 1d, null);

        assertThat(reader.read(rows)).isNotSameAs(reader.read(rows));
    }

    /** A result set positioned on one row; {@code getXxx} of a {@code null} value returns Java's zero value. */
    private static ResultSet row(@Nullable Object... values) {
        boolean[] wasNull = {false};
        return (ResultSet) Proxy.newProxyInstance(
                EntityReaderTest.class.getClassLoader(), new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    if (method.getName().equals("wasNull")) {
                        return wasNull[0];
                    }
                    if (!method.getName().startsWith("get") || args == null || !(args[0] instanceof Integer)) {
                        throw new UnsupportedOperationException(method + " " + Arrays.toString(args));
                    }
                    Object value = values[(Integer) args[0] - 1];
                    wasNull[0] = value == null;
                    Class<?> type = method.getReturnType();
                    if (value == null) {
                        return zero(type);
                    }
                    if (type == short.class) {
                        return ((Number) value).shortValue();
                    }
                    return value;
                });
    }

    private static @Nullable Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        return null;
    }
}
