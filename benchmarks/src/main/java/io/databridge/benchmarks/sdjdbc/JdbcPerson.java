package io.databridge.benchmarks.sdjdbc;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The row as a Spring Data JDBC aggregate. */
@Table("person")
public class JdbcPerson {
    @Id
    public @Nullable Long id;

    public String email = "";
    public String name = "";
    public int age;
    public boolean active;

    @Version
    public @Nullable Long version;
}
