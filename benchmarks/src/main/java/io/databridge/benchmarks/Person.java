package io.databridge.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** The row as the hand-written peers (pgjdbc, JdbcTemplate, jOOQ, JDBI) map it: a plain object, filled by index. */
public final class Person {

    public @Nullable Long id;
    public String email = "";
    public String name = "";
    public int age;
    public boolean active;
    public long version;

    public Person() {}

    public Person(String email, String name, int age, boolean active) {
        this.email = email;
        this.name = name;
        this.age = age;
        this.active = active;
    }

    /** Maps the current row of {@link BenchDatabase#COLUMNS}. */
    public static Person read(ResultSet rows) throws SQLException {
        Person person = new Person();
        person.id = rows.getLong(1);
        person.email = rows.getString(2);
        person.name = rows.getString(3);
        person.age = rows.getInt(4);
        person.active = rows.getBoolean(5);
        person.version = rows.getLong(6);
        return person;
    }
}
