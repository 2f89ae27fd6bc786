package io.databridge.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versioned migrations against PostgreSQL, with scripts written to a temporary directory per test. */
@io.databridge.testdb.PostgresTest
class MigrationsIntegrationTest {

    private final DataSource dataSource;
    private final DataBridge db;

    @TempDir
    Path scripts;

    MigrationsIntegrationTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.db = DataBridge.create(dataSource);
    }

    @BeforeEach
    void emptySchema() {
        db.sql("DROP TABLE IF EXISTS " + Migrations.HISTORY_TABLE + ", book, shelf CASCADE")
                .update();
    }

    private Migrations migrations() {
        return Migrations.builder(dataSource)
                .locations(List.of("filesystem:" + scripts))
                .build();
    }

    private void script(String name, String sql) throws IOException {
        Files.writeString(scripts.resolve(name), sql, StandardCharsets.UTF_8);
    }

    private List<String> history() {
        return db.sql("SELECT version || ' ' || type FROM " + Migrations.HISTORY_TABLE + " ORDER BY installed_rank")
                .list(String.class);
    }

    private boolean exists(String table) {
        return db.sql("SELECT to_regclass(:name) IS NOT NULL")
                .param("name", table)
                .one(Boolean.class);
    }

    private List<String> columns(String table) {
        return db.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = :table ORDER BY ordinal_position")
                .param("table", table)
                .list(String.class);
    }

    @Test
    void appliesPendingScriptsInNumericVersionOrderOnceEach() throws IOException {
        script("V1__create_book.sql", "CREATE TABLE book (id bigint PRIMARY KEY, title text NOT NULL);");
        script("V1.1__first_book.sql", "INSERT INTO book VALUES (1, 'Dune');");
        script("V9__add_year.sql", "ALTER TABLE book ADD COLUMN year integer;");
        script("V9.5__nothing_yet.sql", "-- kept for a later change\n");
        script(
                "V9.6__function.sql",
                "CREATE FUNCTION book_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM book; $$;\n");
        script("V10__add_isbn.sql", "ALTER TABLE book ADD COLUMN isbn text;\nCREATE INDEX book_isbn ON book (isbn);");
        List<MigrationInfo> applied = migrations().migrate();
        assertThat(applied)
                .extracting(info -> info.version().toString())
                .containsExactly("1", "1.1", "9", "9.5", "9.6", "10");
        assertThat(applied.get(0).description()).isEqualTo("create book");
        assertThat(applied.get(0).state()).isEqualTo(MigrationState.APPLIED);
        assertThat(applied.get(0).installedOn()).isNotNull();
        assertThat(columns("book")).containsExactly("id", "title", "year", "isbn");
        assertThat(history()).containsExactly("1 SQL", "1.1 SQL", "9 SQL", "9.5 SQL", "9.6 SQL", "10 SQL");
        assertThat(db.sql("SELECT book_count()").one(Long.class)).isEqualTo(1);
        assertThat(migrations().migrate()).isEmpty();
        assertThat(db.sql("SELECT count(*) FROM book").one(Long.class)).isEqualTo(1);
        assertThat(migrations().status()).extracting(MigrationInfo::state).containsOnly(MigrationState.APPLIED);
    }

    @Test
    void aFailingScriptLeavesNothingOfItselfAndTheNextRunAppliesItOnceFixed() throws IOException {
        script("V1__create_book.sql", "CREATE TABLE book (id bigint PRIMARY KEY);");
        script("V2__broken.sql", "ALTER TABLE book ADD COLUMN title text;\nSELECT * FROM no_such_table;");
        assertThatThrownBy(() -> migrations().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Migration V2__broken.sql failed and was rolled back: Bad SQL grammar")
                .hasMessageEndingWith("; fix the script and run the migrations again");
        assertThat(columns("book")).containsExactly("id");
        assertThat(history()).containsExactly("1 SQL");
        script("V2__broken.sql", "ALTER TABLE book ADD COLUMN title text;");
        assertThat(migrations().migrate()).hasSize(1);
        assertThat(columns("book")).containsExactly("id", "title");
    }

    @Test
    void aChangedAMissingOrAnOutOfOrderScriptStopsTheRunBeforeAnythingRuns() throws IOException {
        script("V1__create_book.sql", "CREATE TABLE book (id bigint PRIMARY KEY);\n");
        script("V3__create_shelf.sql", "CREATE TABLE shelf (id bigint PRIMARY KEY);\n");
        migrations().migrate();
        // Other line endings are not a change.
        script("V1__create_book.sql", "CREATE TABLE book (id bigint PRIMARY KEY);\r\n");
        migrations().validate();

        script("V1__create_book.sql", "CREATE TABLE book (id bigint PRIMARY KEY, title text);\n");
        script("V2__late.sql", "ALTER TABLE book ADD COLUMN late text;");
        script("V4__next.sql", "ALTER TABLE book ADD COLUMN next text;");
        Files.delete(scripts.resolve("V3__create_shelf.sql"));
        assertThatThrownBy(() -> migrations().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1__create_book.sql changed after it was applied (its checksum differs);"
                        + " restore it and put the change in a new version")
                .hasMessageContaining("version 3 (V3__create_shelf.sql) was applied but its script is no longer in")
                .hasMessageContaining("V2__late.sql is new but its version is below an applied one");
        assertThatThrownBy(() -> migrations().validate()).isInstanceOf(MigrationException.class);
        assertThat(columns("book")).containsExactly("id");
        assertThat(migrations().status())
                .extracting(info -> info.version() + " " + info.state())
                .containsExactly("1 CHANGED", "2 OUT_OF_ORDER", "3 MISSING", "4 PENDING");
    }

    @Test
    void rollbackUndoesAppliedVersionsHighestFirstWithTheirUndoScripts() throws IOException {
        script("V1__create_book.sql", "CREATE TABLE book (id bigint PRIMARY KEY);");
        script("U1__create_book.sql", "DROP TABLE book;");
        script("V2__add_title.sql", "ALTER TABLE book ADD COLUMN title text;");
        script("U2__add_title.sql", "ALTER TABLE book DROP COLUMN title;");
        script("V3__add_year.sql", "ALTER TABLE book ADD COLUMN year integer;");
        assertThat(migrations().migrate()).extracting(MigrationInfo::undoable).containsExactly(true, true, false);
        assertThatThrownBy(() -> migrations().rollback("1"))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Cannot roll back to version 1: no undo script for version 3 in");
        assertThat(columns("book")).containsExactly("id", "title", "year");

        script("U3__add_year.sql", "ALTER TABLE book DROP COLUMN year;");
        assertThat(migrations().status())
                .allSatisfy(info -> assertThat(info.undoable()).isTrue());
        assertThat(migrations().rollback("1"))
                .extracting(info -> info.version().toString())
                .containsExactly("3", "2");
        assertThat(columns("book")).containsExactly("id");
        assertThat(history()).containsExactly("1 SQL");
        assertThat(migrations().rollback("0")).hasSize(1);
        assertThat(exists("book")).isFalse();
        assertThat(migrations().migrate()).hasSize(3);
        assertThat(columns("book")).containsExactly("id", "title", "year");
    }

    @Test
    void aBaselineTakesAnExistingSchemaAsMigratedUpToItsVersion() throws IOException {
        db.sql("CREATE TABLE book (id bigint PRIMARY KEY, title text)").update();
        script("V1__create_book.sql", "CREATE TABLE book (id bigint PRIMARY KEY);");
        script("V2__add_title.sql", "ALTER TABLE book ADD COLUMN title text;");
        script("V3__add_year.sql", "ALTER TABLE book ADD COLUMN year integer;");
        migrations().baseline("2");
        assertThat(migrations().migrate())
                .extracting(info -> info.version().toString())
                .containsExactly("3");
        assertThat(history()).containsExactly("2 BASELINE", "3 SQL");
        assertThatThrownBy(() -> migrations().baseline("3"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot baseline at 3: " + Migrations.HISTORY_TABLE + " already has migrations");
        assertThatThrownBy(() -> migrations().rollback("1"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("the history starts with the baseline 2");
    }

    @Test
    void instancesStartingTogetherMigrateOnce() throws Exception {
        script("V1__create_book.sql", "CREATE TABLE book (id bigint PRIMARY KEY); SELECT pg_sleep(0.5);");
        script("V2__first_book.sql", "INSERT INTO book VALUES (1);");
        CompletableFuture<List<MigrationInfo>> first =
                CompletableFuture.supplyAsync(() -> migrations().migrate());
        CompletableFuture<List<MigrationInfo>> second =
                CompletableFuture.supplyAsync(() -> migrations().migrate());
        int applied = first.get(30, TimeUnit.SECONDS).size()
                + second.get(30, TimeUnit.SECONDS).size();
        assertThat(applied).isEqualTo(2);
        assertThat(history()).containsExactly("1 SQL", "2 SQL");
        assertThat(db.sql("SELECT count(*) FROM book").one(Long.class)).isEqualTo(1);
    }

    @Test
    void withoutScriptsNothingIsDoneAndStatusCreatesNothing() throws IOException {
        assertThat(migrations().migrate()).isEmpty();
        assertThat(exists(Migrations.HISTORY_TABLE)).isFalse();
        script("V1__create_book.sql", "CREATE TABLE book (id bigint PRIMARY KEY);");
        script("U1__create_book.sql", "DROP TABLE book;");
        assertThat(migrations().status()).singleElement().satisfies(info -> {
            assertThat(info.state()).isEqualTo(MigrationState.PENDING);
            assertThat(info.undoable()).isTrue();
            assertThat(info.installedOn()).isNull();
        });
        assertThat(exists(Migrations.HISTORY_TABLE)).isFalse();
    }

    @Test
    void badScriptNamesAreReportedOrIgnored() throws IOException {
        script("V1__create_book.sql", "CREATE TABLE book (id bigint PRIMARY KEY);");
        script("notes.sql", "-- not a migration");
        script("V1.0__again.sql", "SELECT 1;");
        assertThatThrownBy(() -> migrations().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Two migration scripts have version 1")
                .hasMessageEndingWith("; give each version one script");
        Files.delete(scripts.resolve("V1.0__again.sql"));
        script("Vx__bad.sql", "SELECT 1;");
        assertThatThrownBy(() -> migrations().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Invalid migration version 'x'");
        Files.delete(scripts.resolve("Vx__bad.sql"));
        assertThat(migrations().migrate()).hasSize(1);
    }

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(MigrationVersion.parse("1.10")).isGreaterThan(MigrationVersion.parse("1.9"));
        assertThat(MigrationVersion.parse("2_1")).isEqualTo(MigrationVersion.parse("2.1"));
        assertThat(MigrationVersion.parse("1")).isEqualTo(MigrationVersion.parse("1.0"));
        assertThat(MigrationVersion.parse("2_1")).hasToString("2.1");
    }

    @Test
    void aScriptWithItsOwnCommitIsRefusedBeforeAnythingRuns() throws IOException {
        script("V1__create_book.sql", "CREATE TABLE book (id bigint PRIMARY KEY);");
        script("V2__half.sql", "CREATE TABLE shelf (id int);\nCOMMIT;\nSELECT 1/0;");

        assertThatThrownBy(() -> migrations().migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessage("Migration V2__half.sql contains COMMIT (line 2): each script runs in one transaction that"
                        + " data-bridge commits with its history row, and a transaction-control statement would"
                        + " commit part of it, leaving it half applied if a later statement failed; remove it, or"
                        + " split the script into two versions. Nothing was run");
        assertThat(exists("book")).isFalse();
        assertThat(exists("shelf")).isFalse();
    }
}
