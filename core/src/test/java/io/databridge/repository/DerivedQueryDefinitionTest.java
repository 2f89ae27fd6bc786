package io.databridge.repository;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.fixtures.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A derived query method that cannot be implemented stops repository creation with a pinned message. */
class DerivedQueryDefinitionTest {

    private final PgRepositoryFactory factory =
            new PgRepositoryFactory(DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none")));

    interface Misspelled extends PgRepository<User, Long> {
        User findByNmae(String name);
    }

    interface Unknown extends PgRepository<User, Long> {
        List<User> findByNickname(String nickname);
    }

    interface TransientProperty extends PgRepository<User, Long> {
        List<User> findByScratch(String scratch);
    }

    interface WrongCount extends PgRepository<User, Long> {
        List<User> findByNameAndAge(String name);
    }

    interface WrongType extends PgRepository<User, Long> {
        List<User> findByAge(String age);
    }

    interface UnsupportedReturn extends PgRepository<User, Long> {
        Map<String, Object> findByName(String name);
    }

    interface UnsupportedKeyword extends PgRepository<User, Long> {
        List<User> findByAgeNear(int age);
    }

    interface LikeOnNumber extends PgRepository<User, Long> {
        List<User> findByAgeStartingWith(String prefix);
    }

    interface PageWithoutPageable extends PgRepository<User, Long> {
        Page<User> findByActiveTrue();
    }

    interface BadProjection extends PgRepository<User, Long> {
        List<Nick> findByActiveTrue();

        record Nick(String nick) {}
    }

    interface BadInterfaceProjection extends PgRepository<User, Long> {
        List<NickView> findByActiveTrue();

        interface NickView {
            String getNick();
        }
    }

    interface MistypedInterfaceProjection extends PgRepository<User, Long> {
        List<AgeView> findByActiveTrue();

        interface AgeView {
            String getAge();
        }
    }

    interface InterfaceProjectionWithParameters extends PgRepository<User, Long> {
        List<Greeting> findByActiveTrue();

        interface Greeting {
            String getName();

            String greet(String whom);
        }
    }

    interface QueryWithBadInterfaceProjection extends PgRepository<User, Long> {
        @Query("SELECT name FROM users")
        List<InterfaceProjectionWithParameters.Greeting> greetings();
    }

    interface CountAsString extends PgRepository<User, Long> {
        String countByActiveTrue();
    }

    @Test
    void misspelledPropertySuggestsTheClosest() {
        assertFails(
                Misspelled.class, "Misspelled.findByNmae(String): User has no property 'nmae' (did you mean 'name'?)");
    }

    @Test
    void unknownPropertyListsTheProperties() {
        assertFails(
                Unknown.class,
                "Unknown.findByNickname(String): User has no property 'nickname' (use one of [id, email, name, age,"
                        + " active, version, createdAt, updatedAt])");
    }

    @Test
    void transientPropertyIsNotAColumn() {
        assertFails(
                TransientProperty.class,
                "TransientProperty.findByScratch(String): User has no property 'scratch' (use one of [id, email,"
                        + " name, age, active, version, createdAt, updatedAt])");
    }

    @Test
    void parameterCountMustMatchTheName() {
        assertFails(
                WrongCount.class,
                "WrongCount.findByNameAndAge(String): its name needs 2 parameters [name, age] but it declares 1"
                        + " (declare one parameter per criterion value, in name order; Between takes two)");
    }

    @Test
    void parameterTypeMustMatchTheProperty() {
        assertFails(
                WrongType.class,
                "WrongType.findByAge(String): parameter 1 (String) does not match User.age (Integer) (declare it as"
                        + " Integer)");
    }

    @Test
    void unsupportedReturnTypeIsRejected() {
        assertFails(
                UnsupportedReturn.class,
                "UnsupportedReturn.findByName(String): return type java.util.Map<java.lang.String, java.lang.Object>"
                        + " is not supported (return User or a record or interface projection of it, or an Optional,"
                        + " List, Stream, Page or Slice of one)");
    }

    @Test
    void unsupportedKeywordIsRejected() {
        assertFails(
                UnsupportedKeyword.class,
                "UnsupportedKeyword.findByAgeNear(int): the keyword Near is not supported on PostgreSQL (write the"
                        + " query with @Query)");
    }

    @Test
    void textKeywordNeedsATextProperty() {
        assertFails(
                LikeOnNumber.class,
                "LikeOnNumber.findByAgeStartingWith(String): StartingWith needs a String property but User.age is"
                        + " Integer (compare it with another keyword, e.g. Is or GreaterThan)");
    }

    @Test
    void pageNeedsAPageable() {
        assertFails(
                PageWithoutPageable.class,
                "PageWithoutPageable.findByActiveTrue(): it returns a Page but has no Pageable parameter (add one,"
                        + " or return a List)");
    }

    @Test
    void projectionComponentsMustBeProperties() {
        assertFails(
                BadProjection.class,
                "BadProjection.findByActiveTrue(): record Nick has component 'nick', which is not a property of User"
                        + " (name the components after properties of User: [id, email, name, age, active, version,"
                        + " createdAt, updatedAt])");
    }

    @Test
    void countReturnsANumber() {
        assertFails(
                CountAsString.class,
                "CountAsString.countByActiveTrue(): return type java.lang.String is not supported for this query"
                        + " (return long or int)");
    }

    @Test
    void interfaceProjectionAccessorMustNameAProperty() {
        assertFails(
                BadInterfaceProjection.class,
                "BadInterfaceProjection.findByActiveTrue(): interface NickView has accessor getNick(), which is not a"
                        + " property of User (name the accessors after properties of User: [id, email, name, age,"
                        + " active, version, createdAt, updatedAt])");
    }

    @Test
    void interfaceProjectionAccessorMustFitThePropertyType() {
        assertFails(
                MistypedInterfaceProjection.class,
                "MistypedInterfaceProjection.findByActiveTrue(): interface AgeView accessor getAge() is String but"
                        + " User.age is Integer (declare it as Integer)");
    }

    @Test
    void interfaceProjectionMethodWithParametersIsRejected() {
        assertFails(
                InterfaceProjectionWithParameters.class,
                "InterfaceProjectionWithParameters.findByActiveTrue(): Cannot project into "
                        + InterfaceProjectionWithParameters.Greeting.class.getName()
                        + ": method greet(String) takes parameters (an accessor takes none; make it a default method"
                        + " or remove it)");
    }

    @Test
    void queryMethodChecksTheInterfaceProjectionShapeAtStartup() {
        assertFails(
                QueryWithBadInterfaceProjection.class,
                "QueryWithBadInterfaceProjection.greetings(): Cannot project into "
                        + InterfaceProjectionWithParameters.Greeting.class.getName()
                        + ": method greet(String) takes parameters (an accessor takes none; make it a default method"
                        + " or remove it)");
    }

    private void assertFails(Class<?> repository, String message) {
        assertThatThrownBy(() -> factory.create(repository))
                .isInstanceOf(RepositoryDefinitionException.class)
                .hasMessage(message);
    }
}
