package io.databridge.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.mapping.Column;
import io.databridge.mapping.CreatedAt;
import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Index;
import io.databridge.mapping.NamingStrategy;
import io.databridge.mapping.Table;
import io.databridge.mapping.Transient;
import io.databridge.mapping.UpdatedAt;
import io.databridge.mapping.Version;
import io.databridge.types.TypeCodecs;
import java.awt.Point;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntityModelsTest {

    private final EntityModels models = new EntityModels(TypeCodecs.defaults(), NamingStrategy.SNAKE_CASE);

    @Table(name = "users")
    static class User {
        @Id
        @GeneratedValue
        Long id;

        @Column(unique = true, length = 255)
        String email;

        String displayName;
        int age;

        @Version
        long version;

        @CreatedAt
        Instant createdAt;

        @UpdatedAt
        Instant updatedAt;

        @Transient
        String scratch;

        transient String alsoSkipped;
        static String ignoredStatic;
    }

    @Table
    record OrderLine(@Id UUID id, @Column(name = "qty") int quantity, List<String> tags) {}

    @Table
    record Fragile(@Id long id, String name) {
        @Override
        public String name() {
            throw new IllegalStateException("no name today");
        }
    }

    @Test
    void valuesReadsEveryPropertyInOrderAndNamesTheAccessorThatThrows() {
        EntityModel<Point3> model = models.get(Point3.class);
        assertThat(model.values(new Point3(7L, 1, 2, "p"))).containsExactly(7L, 1, 2, "p");

        assertThatThrownBy(() -> models.get(Fragile.class).values(new Fragile(1L, "x")))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageStartingWith("Cannot read " + Fragile.class.getName() + ".name: its accessor threw")
                .hasMessageContaining("no name today");
    }

    @Table
    record Point3(@Id long id, int x, int y, String label) {}

    @Table
    static final class Hidden {
        @Id
        Long id;

        String name = "default";

        private Hidden() {}
    }

    @Table
    static class Refusing {
        @Id
        Long id;

        Refusing() {
            throw new IllegalStateException("not today");
        }
    }

    @Test
    void newInstanceCallsThePrivateNoArgConstructorAndNamesTheOneThatThrows() {
        Hidden created = models.get(Hidden.class).newInstance();
        assertThat(created.name).isEqualTo("default");
        assertThat(models.get(Hidden.class).newInstance()).isNotSameAs(created);

        assertThatThrownBy(() -> models.get(Refusing.class).newInstance())
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot create " + Refusing.class.getName()
                        + ": its constructor threw java.lang.IllegalStateException");
    }

    @Test
    void valuesOfAClassReadEveryFieldIntoItsIndex() {
        EntityModel<User> model = models.get(User.class);
        User user = new User();
        user.id = 4L;
        user.email = "a@b";
        user.age = 30;
        @org.jspecify.annotations.Nullable Object[] values = model.values(user);
        assertThat(values).hasSize(model.properties().size());
        for (PropertyModel property : model.properties()) {
            assertThat(values[property.index()]).isEqualTo(property.get(user));
        }
        assertThat(values[model.property("email").orElseThrow().index()]).isEqualTo("a@b");
    }

    @Test
    void aClassIsMappedWithSnakeCaseColumnsRolesAndNoTransientFields() {
        EntityModel<User> model = models.get(User.class);
        assertThat(model.qualifiedTable()).isEqualTo("\"users\"");
        assertThat(model.properties())
                .extracting(PropertyModel::columnName)
                .containsExactly("id", "email", "display_name", "age", "version", "created_at", "updated_at");
        assertThat(model.id().generated()).isTrue();
        assertThat(model.version()).isNotNull().extracting(PropertyModel::name).isEqualTo("version");
        assertThat(model.property("email")).get().satisfies(email -> {
            assertThat(email.unique()).isTrue();
            assertThat(email.length()).isEqualTo(255);
            assertThat(email.nullable()).isTrue();
        });
        assertThat(model.property("age"))
                .get()
                .extracting(PropertyModel::nullable)
                .isEqualTo(false);
        assertThat(model.isRecord()).isFalse();
    }

    @Test
    void aRecordIsMappedInComponentOrderWithTheDefaultTableName() {
        EntityModel<OrderLine> model = models.get(OrderLine.class);
        assertThat(model.qualifiedTable()).isEqualTo("\"order_line\"");
        assertThat(model.properties()).extracting(PropertyModel::columnName).containsExactly("id", "qty", "tags");
        assertThat(model.isRecord()).isTrue();
        OrderLine line = model.instantiate(new Object[] {UUID.randomUUID(), 3, List.of("a")});
        assertThat(model.values(line)).containsExactly(line.id(), 3, List.of("a"));
    }

    @Test
    void theModelIsBuiltOnceAndCached() {
        assertThat(models.get(User.class)).isSameAs(models.get(User.class));
    }

    static class NotAnnotated {
        @Id
        Long id;
    }

    @Test
    void aClassWithoutTableIsRejected() {
        assertThatThrownBy(() -> models.get(NotAnnotated.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage(NotAnnotated.class.getName()
                        + " is not an entity: annotate it with @io.databridge.mapping.Table");
    }

    @Table
    static class NoId {
        Long key;
    }

    @Test
    void anEntityWithoutIdIsRejectedWithTheFix() {
        assertThatThrownBy(() -> models.get(NoId.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + NoId.class.getName()
                        + ": no property is annotated with @Id; mark the primary-key property @Id");
    }

    @Table
    static class TwoIds {
        @Id
        Long a;

        @Id
        Long b;
    }

    @Test
    void twoIdsAreRejected() {
        assertThatThrownBy(() -> models.get(TwoIds.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + TwoIds.class.getName()
                        + ": both 'a' and 'b' are @Id; keep one (a composite key is one @Id whose type is a record of its"
                        + " columns)");
    }

    @Table
    static class UnsupportedType {
        @Id
        Long id;

        Point location;
    }

    @Test
    void anUnsupportedTypeIsRejectedNamingThePropertyAndTheFix() {
        assertThatThrownBy(() -> models.get(UnsupportedType.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageStartingWith("Cannot map " + UnsupportedType.class.getName() + ".location: ")
                .hasMessageContaining("java.awt.Point")
                .hasMessageContaining("TypeCodec");
    }

    @Table
    static class SameColumnTwice {
        @Id
        Long id;

        String firstName;

        @Column(name = "first_name")
        String givenName;
    }

    @Test
    void twoPropertiesOnOneColumnAreRejected() {
        assertThatThrownBy(() -> models.get(SameColumnTwice.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + SameColumnTwice.class.getName() + ".givenName: column 'first_name' is"
                        + " already mapped by property 'firstName'; give one of them another @Column(name = ...)");
    }

    @Table
    static class TextVersion {
        @Id
        Long id;

        @Version
        String version;
    }

    @Test
    void aNonNumericVersionIsRejected() {
        assertThatThrownBy(() -> models.get(TextVersion.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + TextVersion.class.getName() + ".version: @Version needs an integral type"
                        + " (int, long, Integer or Long) but was java.lang.String");
    }

    @Table
    static class GeneratedText {
        @Id
        @GeneratedValue
        String id;
    }

    @Test
    void aGeneratedNonNumericNonUuidIdIsRejected() {
        assertThatThrownBy(() -> models.get(GeneratedText.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageContaining(".id: @GeneratedValue needs an integral or UUID id");
    }

    @Table
    static class FinalField {
        @Id
        Long id;

        final String name = "x";
    }

    @Test
    void aFinalFieldIsRejectedBecauseRowsCannotBeReadIntoIt() {
        assertThatThrownBy(() -> models.get(FinalField.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageContaining(".name: the field is final");
    }

    @Table
    static class NoDefaultConstructor {
        @Id
        Long id;

        NoDefaultConstructor(Long id) {
            this.id = id;
        }
    }

    @Test
    void aClassWithoutNoArgConstructorIsRejected() {
        assertThatThrownBy(() -> models.get(NoDefaultConstructor.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + NoDefaultConstructor.class.getName()
                        + ": it has no no-arg constructor; add one (it may be private), or make the entity a record");
    }

    @Table
    record TransientComponent(@Id Long id, @Transient String scratch) {}

    @Test
    void aTransientRecordComponentIsRejected() {
        assertThatThrownBy(() -> models.get(TransientComponent.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageContaining(".scratch: a record component cannot be @Transient");
    }

    @Table(name = "users; drop table users")
    static class HostileTableName {
        @Id
        Long id;
    }

    @Test
    void anInvalidTableNameIsRejectedBeforeAnySqlExists() {
        assertThatThrownBy(() -> models.get(HostileTableName.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageStartingWith("Cannot map " + HostileTableName.class.getName() + ": table name 'users; drop")
                .hasMessageEndingWith("(set @Table(name = ...) to a valid name)");
    }

    @Table
    static class TooLongColumn {
        @Id
        Long id;

        @Column(name = "a_column_name_that_is_far_too_long_for_postgresql_to_keep_it_whole")
        String text;
    }

    @Test
    void aColumnNameOver63BytesIsRejected() {
        assertThatThrownBy(() -> models.get(TooLongColumn.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageContaining(".text: column name")
                .hasMessageContaining("PostgreSQL allows at most 63");
    }

    @Table
    static class TimestampAsText {
        @Id
        Long id;

        @CreatedAt
        String created;
    }

    @Test
    void aTimestampRoleOnANonTemporalTypeIsRejected() {
        assertThatThrownBy(() -> models.get(TimestampAsText.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageContaining(
                        ".created: @CreatedAt and @UpdatedAt need Instant, OffsetDateTime or" + " LocalDateTime");
    }

    @Table
    @Index(properties = {"missing"})
    static class IndexOnMissingProperty {
        @Id
        Long id;
    }

    @Test
    void anIndexOnAMissingPropertyIsRejected() {
        assertThatThrownBy(() -> models.get(IndexOnMissingProperty.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageContaining("@Index names property 'missing', which does not exist");
    }

    @Test
    void theExceptionIsPartOfSpringsDataAccessHierarchy() {
        assertThat(new EntityMappingException("x"))
                .isInstanceOf(org.springframework.dao.InvalidDataAccessApiUsageException.class);
    }
}
