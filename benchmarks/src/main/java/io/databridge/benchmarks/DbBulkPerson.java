package io.databridge.benchmarks;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;
import org.jspecify.annotations.Nullable;

/** The target of scenario 9 (bulk update): same columns as {@link DbPerson}. */
@Table(name = "person_bulk")
public class DbBulkPerson {

    @Id
    @GeneratedValue
    public @Nullable Long id;

    public String email = "";
    public String name = "";
    public int age;
    public boolean active;

    @Version
    public long version;

    public DbBulkPerson() {}
}
