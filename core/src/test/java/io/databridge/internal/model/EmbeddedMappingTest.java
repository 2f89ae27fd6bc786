package io.databridge.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.mapping.Column;
import io.databridge.mapping.Embedded;
import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.NamingStrategy;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;
import io.databridge.types.TypeCodecs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How value objects and composite ids are mapped, and every mapping the runtime refuses, with its message. */
class EmbeddedMappingTest {

    private final EntityModels models = new EntityModels(TypeCodecs.defaults(), NamingStrategy.SNAKE_CASE);

    record Money(java.math.BigDecimal amount, String currency) {}

    record Key(long orderId, @Column(name = "line") int lineNo) {}

    @Table
    record Priced(
            @Id Key id,
            @Embedded Money price,
            @Embedded(prefix = "") Money cost) {}

    @Test
    void valueObjectColumnsAreNamedByPrefixAndPropertiesByPath() {
        EntityModel<Priced> model = models.get(Priced.class);

        assertThat(model.properties())
                .extracting(PropertyModel::name)
                .containsExactly(
                        "id.orderId", "id.lineNo", "price.amount", "price.currency", "cost.amount", "cost.currency");
        assertThat(model.properties())
                .extracting(PropertyModel::columnName)
                .containsExactly("order_id", "line", "price_amount", "price_currency", "amount", "currency");
        assertThat(model.compositeId()).isTrue();
        assertThat(model.id().name()).isEqualTo("id");
        assertThat(model.idColumns()).extracting(PropertyModel::name).containsExactly("id.orderId", "id.lineNo");
        assertThat(model.idParts(new Key(3, 4))).containsExactly(3L, 4);
        assertThat(new EntitySql(model).selectById())
                .isEqualTo("SELECT \"order_id\", \"line\", \"price_amount\", \"price_currency\", \"amount\","
                        + " \"currency\" FROM \"priced\" WHERE \"order_id\" = ? AND \"line\" = ?");
    }

    @Test
    void aRecordIsBuiltFromItsFlatValuesAndANullValueObjectFromAllNulls() {
        EntityModel<Priced> model = models.get(Priced.class);
        Priced priced = new Priced(new Key(1, 2), new Money(java.math.BigDecimal.TEN, "EUR"), null);

        Object[] values = model.values(priced);

        assertThat(values).containsExactly(1L, 2, java.math.BigDecimal.TEN, "EUR", null, null);
        assertThat(model.instantiate(values)).isEqualTo(priced);
        assertThat(model.idValue(values)).isEqualTo(new Key(1, 2));
    }

    @Table
    static class EmbedsText {
        @Id
        Long id;

        @Embedded
        String text;
    }

    @Test
    void anEmbeddedTypeThatIsNotAValueObjectIsRefused() {
        assertThatThrownBy(() -> models.get(EmbedsText.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + EmbedsText.class.getName() + ".text: @Embedded needs a record or a"
                        + " concrete class with a no-arg constructor (it may be private), but java.lang.String is"
                        + " neither; make it one, or remove @Embedded to map the value as one column (a codec, @Json)");
    }

    static class NoDefaultConstructor {
        String city;

        NoDefaultConstructor(String city) {
            this.city = city;
        }
    }

    @Table
    static class EmbedsNoDefaultConstructor {
        @Id
        Long id;

        @Embedded
        NoDefaultConstructor place;
    }

    @Test
    void aValueObjectClassWithoutANoArgConstructorIsRefused() {
        assertThatThrownBy(() -> models.get(EmbedsNoDefaultConstructor.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageContaining(".place: @Embedded needs a record or a concrete class with a no-arg constructor");
    }

    @Table
    record SamePrefix(
            @Id Long id,
            @Embedded(prefix = "a_") Money first,
            @Embedded(prefix = "a_") Money second) {}

    @Test
    void twoValueObjectsWithTheSamePrefixCollide() {
        assertThatThrownBy(() -> models.get(SamePrefix.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + SamePrefix.class.getName() + ".second.amount: column 'a_amount' is"
                        + " already mapped by property 'first.amount'; give one of them another @Column(name = ...) or"
                        + " @Embedded(prefix = ...)");
    }

    record TaggedKey(long id, List<String> tags) {}

    @Table
    record TaggedRow(@Id TaggedKey id, String name) {}

    @Test
    void aCompositeIdComponentThatIsNotOneColumnIsRefused() {
        assertThatThrownBy(() -> models.get(TaggedRow.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + TaggedRow.class.getName() + ".id.tags: a composite id component must be"
                        + " one column of a type that travels in arrays (a number, text, uuid, date and time, enum,"
                        + " ...), but it is java.util.List; change its type, or keep it out of the id");
    }

    static class ClassKey {
        long a;
    }

    @Table
    static class ClassKeyed {
        @Id
        @Embedded
        ClassKey id;
    }

    @Test
    void aCompositeIdThatIsNotARecordIsRefused() {
        assertThatThrownBy(() -> models.get(ClassKeyed.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + ClassKeyed.class.getName() + ".id: a composite id must be a record of its"
                        + " columns (record ClassKey(long a, int b)), so that it is immutable and compares by value;"
                        + " make " + ClassKey.class.getName() + " a record");
    }

    @Table
    record GeneratedKey(@Id @GeneratedValue Key id) {}

    @Test
    void aCompositeIdIsNeverGenerated() {
        assertThatThrownBy(() -> models.get(GeneratedKey.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageContaining(".id: @Id, @GeneratedValue, @Version, @CreatedAt and @UpdatedAt cannot be inside"
                        + " an @Embedded value or a composite id; put them on the entity");
    }

    record Versioned(String name, @Version long version) {}

    @Table
    record EmbedsVersion(@Id Long id, @Embedded Versioned value) {}

    @Test
    void aVersionInsideAValueObjectIsRefused() {
        assertThatThrownBy(() -> models.get(EmbedsVersion.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + EmbedsVersion.class.getName() + ".value.version: @Id, @GeneratedValue,"
                        + " @Version, @CreatedAt and @UpdatedAt cannot be inside an @Embedded value or a composite id;"
                        + " put them on the entity");
    }

    record Node(String name, @Embedded Node next) {}

    @Table
    record EmbedsItself(@Id Long id, @Embedded Node node) {}

    @Test
    void aValueObjectThatEmbedsItselfIsRefused() {
        assertThatThrownBy(() -> models.get(EmbedsItself.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageContaining(".node.next: " + Node.class.getName() + " embeds itself");
    }

    @Table
    record RefersToCompositeKey(@Id Long id, @ManyToOne Priced priced) {}

    @Test
    void aRelationToAnEntityWithACompositeIdFailsAtStartup() {
        assertThatThrownBy(() -> models.get(RefersToCompositeKey.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + RefersToCompositeKey.class.getName() + ".priced: the target "
                        + Priced.class.getName() + " has a composite id (Key), and relations to an entity with a"
                        + " composite id are not supported; map its key columns as plain properties instead");
    }
}
