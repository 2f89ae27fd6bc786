package io.databridge.benchmarks;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;
import org.jspecify.annotations.Nullable;

/** The row as a data-bridge entity. */
@Table(name = "person")
public class DbPerson {

    @Id
    @GeneratedValue
    public @Nullable Long id;

    public String email = "";
    public String name = "";
    public int age;
    public boolean active;

    @Version
    public long version;

    public DbPerson() {}
}
