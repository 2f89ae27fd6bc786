package io.databridge.benchmarks.sdjdbc;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The insert target as a Spring Data JDBC aggregate. */
@Table("person_insert")
public class JdbcNewPerson {
    @Id
    public @Nullable Long id;

    public String email = "";
    public String name = "";
    public int age;
    public boolean active;

    @Version
    public @Nullable Long version;

    public JdbcNewPerson() {}

    public JdbcNewPerson(String email, String name, int age, boolean active) {
        this.email = email;
        this.name = name;
        this.age = age;
        this.active = active;
    }
}
