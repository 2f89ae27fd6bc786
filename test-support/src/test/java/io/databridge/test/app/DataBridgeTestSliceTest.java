package io.databridge.test.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.test.DataBridgeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.transaction.TestTransaction;

@DataBridgeTest(properties = "data-bridge.datasource.url=jdbc:postgresql://localhost:1/not-used-by-the-slice")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataBridgeTestSliceTest {

    @Autowired
    NoteRepository notes;

    @Autowired
    DataBridge db;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void schema() {
        db.schema().create(Note.class);
    }

    @Test
    @Order(1)
    void holdsDataBridgeBeansAndRepositoriesButNoOtherComponents() {
        assertThat(context.getBeanNamesForType(NoteRepository.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(NoteService.class)).isEmpty();
    }

    @Test
    @Order(1)
    void appliesTheApplicationsMigrationsInItsSchema() {
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM data_bridge_schema_history WHERE script = 'V1__create_audit_entry.sql'",
                        Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT to_regclass('audit_entry') IS NOT NULL", Boolean.class))
                .isTrue();
    }

    @Test
    @Order(2)
    void worksInASchemaOfItsOwnOnTheTestDatabase() {
        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).startsWith("data_bridge_test_");
    }

    @Test
    @Order(3)
    void runsEachTestInATransaction() {
        assertThat(TestTransaction.isActive()).isTrue();
        notes.insert(new Note(null, "written in test 3"));
        assertThat(notes.count()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void rollsBackWhatTheLastTestWrote() {
        assertThat(notes.count()).isZero();
    }
}
