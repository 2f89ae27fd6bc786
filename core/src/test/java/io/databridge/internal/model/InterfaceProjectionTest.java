package io.databridge.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.mapping.EntityMappingException;
import io.databridge.types.TypeCodecs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** The shape analysis and the proxies of interface projections. */
class InterfaceProjectionTest {

    interface CustomerView {
        Long getId();

        String getEmail();

        default String label() {
            return getId() + ":" + getEmail();
        }
    }

    interface Flags {
        boolean isActive();

        Boolean isVerified();

        String isbn();

        String getURL();

        int createdAtYear();
    }

    interface Tagged {
        List<String> tags();

        byte[] data();
    }

    interface OtherView {
        Long getId();

        String getEmail();
    }

    interface WithParameters {
        String getName();

        String greet(String whom);
    }

    interface Empty {
        default String nothing() {
            return "";
        }
    }

    interface Generic<T> {
        T value();
    }

    interface ReturnsVoid {
        void run();
    }

    interface Parent {
        Long getId();
    }

    interface Child extends Parent {
        String getName();
    }

    interface PrimitiveAge {
        int getAge();
    }

    private static CustomerView ada() {
        return InterfaceProjection.of(CustomerView.class).newInstance(new Object[] {"ada@x.io", 1L});
    }

    @Test
    void accessorsAreSortedByMethodNameAndNamedAfterTheirProperty() {
        assertThat(InterfaceProjection.of(CustomerView.class).accessors())
                .extracting(InterfaceProjection.Accessor::property, InterfaceProjection.Accessor::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("email", "email"),
                        org.assertj.core.groups.Tuple.tuple("id", "id"));
    }

    @Test
    void getIsAndRecordStyleAccessorsMapToSnakeCaseColumns() {
        assertThat(InterfaceProjection.of(Flags.class).accessors())
                .extracting(InterfaceProjection.Accessor::property, InterfaceProjection.Accessor::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("createdAtYear", "created_at_year"),
                        org.assertj.core.groups.Tuple.tuple("URL", "url"),
                        org.assertj.core.groups.Tuple.tuple("active", "active"),
                        org.assertj.core.groups.Tuple.tuple("verified", "verified"),
                        org.assertj.core.groups.Tuple.tuple("isbn", "isbn"));
    }

    @Test
    void accessorsReturnTheRowValues() {
        CustomerView view = ada();
        assertThat(view.getId()).isEqualTo(1L);
        assertThat(view.getEmail()).isEqualTo("ada@x.io");
    }

    @Test
    void defaultMethodsRunOnTheProxy() {
        assertThat(ada().label()).isEqualTo("1:ada@x.io");
    }

    @Test
    void inheritedAccessorsAreProjected() {
        Child child = InterfaceProjection.of(Child.class).newInstance(new Object[] {1L, "Ada"});
        assertThat(child.getId()).isEqualTo(1L);
        assertThat(child.getName()).isEqualTo("Ada");
    }

    @Test
    void equalsAndHashCodeAreValueBased() {
        CustomerView other = InterfaceProjection.of(CustomerView.class).newInstance(new Object[] {"bob@x.io", 2L});
        assertThat(ada()).isEqualTo(ada()).hasSameHashCodeAs(ada()).isNotEqualTo(other);
        assertThat(ada()).isNotEqualTo(null).isNotEqualTo("CustomerView[email=ada@x.io, id=1]");
    }

    @Test
    void projectionsOfDifferentInterfacesAreNeverEqual() {
        OtherView same = InterfaceProjection.of(OtherView.class).newInstance(new Object[] {"ada@x.io", 1L});
        assertThat((Object) same).isNotEqualTo(ada());
    }

    @Test
    void arraysCompareAndPrintByContent() {
        InterfaceProjection<Tagged> projection = InterfaceProjection.of(Tagged.class);
        Tagged one = projection.newInstance(new Object[] {new byte[] {1, 2}, List.of("a")});
        Tagged two = projection.newInstance(new Object[] {new byte[] {1, 2}, List.of("a")});
        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).hasToString("Tagged[data=[1, 2], tags=[a]]");
    }

    @Test
    void toStringReadsLikeARecord() {
        assertThat(ada()).hasToString("CustomerView[email=ada@x.io, id=1]");
        assertThat(InterfaceProjection.of(CustomerView.class).newInstance(new Object[] {null, 3L}))
                .hasToString("CustomerView[email=null, id=3]");
    }

    @Test
    void nullForAPrimitiveAccessorIsRejected() {
        assertThatThrownBy(() -> InterfaceProjection.of(PrimitiveAge.class).newInstance(new Object[] {null}))
                .isInstanceOf(DataRetrievalFailureException.class)
                .hasMessage("Cannot map NULL to " + PrimitiveAge.class.getName()
                        + ".getAge() of primitive type int: use the wrapper type");
    }

    @Test
    void theShapeIsAnalysedOnce() {
        assertThat(InterfaceProjection.of(CustomerView.class)).isSameAs(InterfaceProjection.of(CustomerView.class));
    }

    @Test
    void aMissingColumnNamesTheAccessorAndTheColumn() {
        InterfaceProjection<CustomerView> projection = InterfaceProjection.of(CustomerView.class);
        assertThatThrownBy(() -> projection.reader(TypeCodecs.defaults(), Map.of("id", 1)))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Cannot map rows to " + CustomerView.class.getName()
                        + ": the query returns no column named 'email' for accessor getEmail(); alias a column to that"
                        + " name");
    }

    @Test
    void aMethodWithParametersIsRejected() {
        assertThatThrownBy(() -> InterfaceProjection.of(WithParameters.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot project into " + WithParameters.class.getName()
                        + ": method greet(String) takes parameters (an accessor takes none; make it a default method"
                        + " or remove it)");
    }

    @Test
    void anInterfaceWithoutAccessorsIsRejected() {
        assertThatThrownBy(() -> InterfaceProjection.of(Empty.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot project into " + Empty.class.getName()
                        + ": it declares no accessor (add methods such as getEmail() or email())");
    }

    @Test
    void aGenericInterfaceIsRejected() {
        assertThatThrownBy(() -> InterfaceProjection.of(Generic.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot project into " + Generic.class.getName()
                        + ": it has type parameters (declare a non-generic interface)");
    }

    @Test
    void aVoidMethodIsRejected() {
        assertThatThrownBy(() -> InterfaceProjection.of(ReturnsVoid.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot project into " + ReturnsVoid.class.getName()
                        + ": method run() returns void (an accessor returns the column's value)");
    }

    @Test
    void aClassIsNotAnInterfaceProjection() {
        assertThatThrownBy(() -> InterfaceProjection.of(String.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot project into java.lang.String: it is not an interface (declare an interface)");
    }

    @Test
    void jdkInterfacesAndInterfacesWithACodecAreNotProjections() {
        TypeCodecs codecs = TypeCodecs.defaults();
        assertThat(InterfaceProjection.isProjection(CustomerView.class, codecs)).isTrue();
        assertThat(InterfaceProjection.isProjection(Map.class, codecs)).isFalse();
        assertThat(InterfaceProjection.isProjection(List.class, codecs)).isFalse();
        assertThat(InterfaceProjection.isProjection(Override.class, codecs)).isFalse();
    }
}
