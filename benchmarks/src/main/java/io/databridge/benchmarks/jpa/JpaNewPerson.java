package io.databridge.benchmarks.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** The insert target as a JPA entity. */
@Entity
@Table(name = "person_insert")
public class JpaNewPerson {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public @Nullable Long id;

    public String email = "";
    public String name = "";
    public int age;
    public boolean active;

    @Version
    public @Nullable Long version;

    public JpaNewPerson() {}

    public JpaNewPerson(String email, String name, int age, boolean active) {
        this.email = email;
        this.name = name;
        this.age = age;
        this.active = active;
    }
}
