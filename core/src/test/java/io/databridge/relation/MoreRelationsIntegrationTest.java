package io.databridge.relation;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PostgresTest
class MoreRelationsIntegrationTest {

    private final DataBridge db;

    MoreRelationsIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.builder(dataSource).sanitizeErrors(false).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Category.class, Person.class, Passport.class);
    }

    @Test
    void aSelfReferencingTreeIsSavedAndLoadedLevelByLevel() {
        Category root = new Category("animals");
        Category cats = new Category("cats");
        cats.children.add(new Category("lions"));
        cats.children.add(new Category("house cats"));
        root.children.add(cats);
        root.children.add(new Category("dogs"));
        db.insert(root);
        assertThat(cats.children.get(0).parent).isSameAs(cats);

        Category loaded =
                db.findById(Category.class, root.id, "children.children").orElseThrow();
        assertThat(loaded.children).extracting(c -> c.name).containsExactly("cats", "dogs");
        assertThat(loaded.children.get(0).children).extracting(c -> c.name).containsExactly("house cats", "lions");
        assertThat(loaded.children.get(1).children).isEmpty();
        assertThat(loaded.parent).isNull();

        db.delete(loaded);
        assertThat(db.sql("SELECT count(*) FROM categories").one(Long.class)).isZero();
    }

    @Test
    void theInverseSideOfAOneToOneLoadsThroughTheOtherTablesForeignKey() {
        Person ada = new Person();
        ada.name = "Ada";
        db.insert(ada);
        Person bob = new Person();
        bob.name = "Bob";
        db.insert(bob);
        db.insert(new Passport("X-1", ada));

        List<Person> people = db.from(Person.class)
                .orderBy(Person_.name.asc())
                .fetch(Person_.passport)
                .list();
        assertThat(people.get(0).passport.number()).isEqualTo("X-1");
        assertThat(people.get(1).passport).isNull();
        Passport passport = db.from(Passport.class).fetch(Passport_.holder).one();
        assertThat(passport.holder().name).isEqualTo("Ada");
    }
}
