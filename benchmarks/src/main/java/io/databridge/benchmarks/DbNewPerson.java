package io.databridge.benchmarks;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;
import org.jspecify.annotations.Nullable;

/** The insert target of scenarios 3, 4 and 7 as a data-bridge entity: same columns as {@link DbPerson}. */
@Table(name = "person_insert")
public class DbNewPerson {

    @Id
    @GeneratedValue
    public @Nullable Long id;

    public String email = "";
    public String name = "";
    public int age;
    public boolean active;

    @Version
    public long version;

    public DbNewPerson() {}

    public DbNewPerson(String email, String name, int age, boolean active) {
        this.email = email;
        this.name = name;
        this.age = age;
        this.active = active;
    }
}
