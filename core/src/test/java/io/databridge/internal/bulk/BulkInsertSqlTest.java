package io.databridge.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.fixtures.Account;
import io.databridge.fixtures.Note;
import io.databridge.fixtures.Tag;
import io.databridge.internal.model.EntityModels;
import io.databridge.mapping.NamingStrategy;
import io.databridge.types.TypeCodecs;
import org.junit.jupiter.api.Test;

class BulkInsertSqlTest {

    private final EntityModels models = new EntityModels(TypeCodecs.defaults(), NamingStrategy.SNAKE_CASE);

    @Test
    void generatedIdsAreAllocatedBeforeTheInsertAndJoinedBackInInputOrder() {
        BulkInsertSql notes = new BulkInsertSql(models.get(Note.class));
        assertThat(notes.generatedIds())
                .isEqualTo("WITH v AS MATERIALIZED (SELECT nextval(" + BulkInsertSql.SEQUENCE + ")"
                        + " AS b_id, u.b_ord, u.b1 AS b1 FROM unnest(?::text[]) WITH ORDINALITY AS u(b1, b_ord)),"
                        + " ins AS (INSERT INTO \"note\" (\"id\", \"text\", \"version\") OVERRIDING SYSTEM VALUE"
                        + " SELECT v.b_id, v.b1, 0 FROM v RETURNING \"id\", \"text\", \"version\")"
                        + " SELECT ins.\"id\", ins.\"text\", ins.\"version\" FROM ins JOIN v ON ins.\"id\" = v.b_id"
                        + " ORDER BY v.b_ord");
        assertThat(notes.copy()).isEqualTo("COPY \"note\" (\"id\", \"text\", \"version\") FROM STDIN");
        assertThat(notes.copyable()).isTrue();
    }

    @Test
    void typedColumnsOnlyReturnTheIdsInInputOrderInsteadOfTheRows() {
        BulkInsertSql notes = new BulkInsertSql(models.get(Note.class));
        assertThat(notes.generatedIdsOnly())
                .isEqualTo("WITH v AS MATERIALIZED (SELECT nextval(" + BulkInsertSql.SEQUENCE + ")"
                        + " AS b_id, u.b_ord, u.b1 AS b1 FROM unnest(?::text[]) WITH ORDINALITY AS u(b1, b_ord)),"
                        + " ins AS (INSERT INTO \"note\" (\"id\", \"text\", \"version\") OVERRIDING SYSTEM VALUE"
                        + " SELECT v.b_id, v.b1, 0 FROM v),"
                        + " s AS (SELECT min(v.b_id - v.b_ord) AS lo, max(v.b_id - v.b_ord) AS hi FROM v)"
                        + " SELECT CASE WHEN s.lo = s.hi THEN NULL ELSE ARRAY(SELECT v.b_id FROM v ORDER BY v.b_ord)"
                        + " END, CURRENT_TIMESTAMP, LOCALTIMESTAMP, 0, s.lo + 1 FROM s");
        assertThat(notes.assignedIdsOnly())
                .isEqualTo("WITH v AS (SELECT u.b_id AS b_id, u.b_ord, u.b1 AS b1 FROM unnest(?::int8[], ?::text[])"
                        + " WITH ORDINALITY AS u(b_id, b1, b_ord)), ins AS (INSERT INTO \"note\" (\"id\", \"text\","
                        + " \"version\") SELECT v.b_id, v.b1, 0 FROM v)"
                        + " SELECT NULL::int8[], CURRENT_TIMESTAMP, LOCALTIMESTAMP, 0");
    }

    @Test
    void columnsSentAsTextReturnOnlyWhatTheDatabaseAdds() {
        BulkInsertSql events = new BulkInsertSql(models.get(Event.class));
        assertThat(events.generatedIdsOnly())
                .isEqualTo("WITH v AS MATERIALIZED (SELECT nextval(" + BulkInsertSql.SEQUENCE + ") AS b_id, u.b_ord,"
                        + " u.b1::timestamptz AS b1, u.b2::numeric AS b2 FROM unnest(?::text[], ?::text[]) WITH"
                        + " ORDINALITY AS u(b1, b2, b_ord)), ins AS (INSERT INTO \"event\" (\"id\", \"at\","
                        + " \"amount\") OVERRIDING SYSTEM VALUE SELECT v.b_id, v.b1, v.b2 FROM v),"
                        + " s AS (SELECT min(v.b_id - v.b_ord) AS lo, max(v.b_id - v.b_ord) AS hi FROM v)"
                        + " SELECT CASE WHEN s.lo = s.hi THEN NULL ELSE ARRAY(SELECT v.b_id FROM v ORDER BY v.b_ord)"
                        + " END, CURRENT_TIMESTAMP, LOCALTIMESTAMP, 0, s.lo + 1 FROM s");
    }

    /** An entity whose columns travel in their text form. */
    @io.databridge.mapping.Table(name = "event")
    record Event(
            @io.databridge.mapping.Id @io.databridge.mapping.GeneratedValue @org.jspecify.annotations.Nullable
            Long id,

            java.time.Instant at,
            java.math.BigDecimal amount) {}

    @Test
    void idsSentAsTextOrColumnsLeftToDefaultsKeepTheRowsReadBack() {
        BulkInsertSql accounts = new BulkInsertSql(models.get(Account.class));
        assertThat(accounts.assignedIdsOnly()).isNull();
        BulkInsertSql tags = new BulkInsertSql(models.get(Tag.class));
        assertThat(tags.generatedIdsOnly()).isNull();
        assertThat(tags.assignedIdsOnly()).isNull();
    }

    @Test
    void assignedIdsTravelAsTheFirstArrayCastToTheirTypeWhenSentAsText() {
        BulkInsertSql accounts = new BulkInsertSql(models.get(Account.class));
        assertThat(accounts.assignedIds())
                .isEqualTo("WITH v AS MATERIALIZED (SELECT u.b_id::uuid AS b_id, u.b_ord, u.b1 AS b1,"
                        + " u.b2::numeric AS b2 FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS"
                        + " u(b_id, b1, b2, b_ord)), ins AS (INSERT INTO \"account\" (\"id\", \"owner\", \"balance\")"
                        + " SELECT v.b_id, v.b1, v.b2 FROM v RETURNING \"id\", \"owner\", \"balance\")"
                        + " SELECT ins.\"id\", ins.\"owner\", ins.\"balance\" FROM ins JOIN v ON ins.\"id\" = v.b_id"
                        + " ORDER BY v.b_ord");
        assertThat(accounts.generatedIds()).isNull();
    }

    @Test
    void uuidIdsAreGeneratedInTheStatementAndColumnsLeftToDefaultsRuleOutCopy() {
        BulkInsertSql tags = new BulkInsertSql(models.get(Tag.class));
        assertThat(tags.generatedIds()).startsWith("WITH v AS MATERIALIZED (SELECT gen_random_uuid() AS b_id,");
        assertThat(tags.copyable()).isFalse();
    }

    record LineKey(long orderId, int lineNo) {}

    @io.databridge.mapping.Table
    record Line(
            @io.databridge.mapping.Id LineKey id,
            java.time.LocalDate shipped,
            @io.databridge.mapping.Version Integer version) {}

    @Test
    void aCompositeIdTravelsAsItsColumnsAndRowsJoinBackOnEveryOne() {
        BulkInsertSql lines = new BulkInsertSql(models.get(Line.class));

        assertThat(lines.assignedIds())
                .isEqualTo("WITH v AS MATERIALIZED (SELECT u.b_ord, u.b1 AS b1, u.b2 AS b2, u.b3::date AS b3 FROM"
                        + " unnest(?::int8[], ?::int4[], ?::text[]) WITH ORDINALITY AS u(b1, b2, b3, b_ord)), ins AS"
                        + " (INSERT INTO \"line\" (\"order_id\", \"line_no\", \"shipped\", \"version\") SELECT v.b1,"
                        + " v.b2, v.b3, 0 FROM v RETURNING \"order_id\", \"line_no\", \"shipped\", \"version\") SELECT"
                        + " ins.\"order_id\", ins.\"line_no\", ins.\"shipped\", ins.\"version\" FROM ins JOIN v ON"
                        + " ins.\"order_id\" = v.b1 AND ins.\"line_no\" = v.b2 ORDER BY v.b_ord");
        assertThat(lines.assignedIdsOnly())
                .isEqualTo("WITH v AS (SELECT u.b_ord, u.b1 AS b1, u.b2 AS b2, u.b3::date AS b3 FROM unnest(?::int8[],"
                        + " ?::int4[], ?::text[]) WITH ORDINALITY AS u(b1, b2, b3, b_ord)), ins AS (INSERT INTO \"line\""
                        + " (\"order_id\", \"line_no\", \"shipped\", \"version\") SELECT v.b1, v.b2, v.b3, 0 FROM v)"
                        + " SELECT NULL::int8[], CURRENT_TIMESTAMP, LOCALTIMESTAMP, 0");
        assertThat(lines.copyable()).isFalse();
        assertThat(lines.bulkForms()).isTrue();
    }
}
