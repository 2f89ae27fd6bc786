package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.databridge.DataBridge;
import io.databridge.mapping.Enumerated;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import io.databridge.types.EnumType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another instance re-creating an enum type (and its table) while this one holds pooled connections whose server-side
 * prepared statements name the old type: the next write succeeds, on a fresh connection, instead of failing with
 * {@code XX000 cache lookup failed for type} until the pool is recycled.
 */
@PostgresTest
class StaleTypeCacheTest {

    /** The enum of the diary's column. */
    public enum Mood {
        HAPPY,
        SAD
    }

    /** A diary entry; its mood column has the PostgreSQL enum type {@code mood}. */
    @Table
    public record Diary(
            @Id @GeneratedValue @Nullable Long id,
            @Enumerated(value = EnumType.POSTGRES) Mood mood) {}

    private final TestSchema schema;
    private final HikariDataSource firstInstance;
    private final HikariDataSource secondInstance;

    StaleTypeCacheTest(TestSchema schema) {
        this.schema = schema;
        this.firstInstance = Pools.of(schema, 1, 5_000);
        this.secondInstance = Pools.of(schema, 1, 5_000);
    }

    @BeforeEach
    void createDiary() {
        recreate(DataBridge.create(secondInstance));
    }

    @AfterEach
    void closePools() {
        firstInstance.close();
        secondInstance.close();
    }

    private static void recreate(DataBridge db) {
        db.sql("DROP TABLE IF EXISTS diary").update();
        db.sql("DROP TYPE IF EXISTS mood").update();
        db.sql("CREATE TYPE mood AS ENUM ('HAPPY', 'SAD')").update();
        db.sql("CREATE TABLE diary (id serial PRIMARY KEY, mood mood NOT NULL)").update();
    }

    private static void write(DataBridge db, Mood mood) {
        db.insert(new Diary(null, mood));
    }

    @Test
    void aWriteAfterAnotherInstanceRecreatedTheEnumTypeSucceeds() {
        DataBridge first = DataBridge.create(firstInstance);
        for (int i = 0; i < 10; i++) {
            // Past pgjdbc's prepareThreshold (5): the statement is prepared on the server, with the type's id.
            write(first, Mood.HAPPY);
        }

        recreate(DataBridge.create(secondInstance));
        write(first, Mood.SAD);
        write(first, Mood.HAPPY);

        assertThat(first.sql("SELECT count(*) FROM diary").one(Long.class)).isEqualTo(2);
    }
}
