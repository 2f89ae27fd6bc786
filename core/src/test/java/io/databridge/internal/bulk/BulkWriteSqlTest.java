package io.databridge.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.fixtures.Account;
import io.databridge.fixtures.Note;
import io.databridge.fixtures.Reading;
import io.databridge.fixtures.Stock;
import io.databridge.internal.model.EntityModels;
import io.databridge.mapping.NamingStrategy;
import io.databridge.types.TypeCodecs;
import org.junit.jupiter.api.Test;

class BulkWriteSqlTest {

    private final EntityModels models = new EntityModels(TypeCodecs.defaults(), NamingStrategy.SNAKE_CASE);

    @Test
    void updateJoinsTheNumberedInputOnIdAndVersionAndOrdersTheReturnedRowsByInputPosition() {
        BulkWriteSql notes = new BulkWriteSql(models.get(Note.class));
        assertThat(notes.update())
                .isEqualTo("WITH b_upd AS (UPDATE \"note\" AS b_t SET \"text\" = u.b1, \"version\" = b_t.\"version\""
                        + " + 1 FROM unnest(?::int8[], ?::text[], ?::int4[]) WITH ORDINALITY AS u(b_id, b1, b_version,"
                        + " b_ord) WHERE b_t.\"id\" = u.b_id AND b_t.\"version\" = u.b_version RETURNING b_t.\"id\","
                        + " b_t.\"text\", b_t.\"version\", u.b_ord AS b_ord) SELECT \"id\", \"text\", \"version\""
                        + " FROM b_upd ORDER BY b_ord");
        assertThat(notes.updateColumns())
                .extracting(column -> column.property().name())
                .containsExactly("id", "text", "version");
    }

    @Test
    void updateSetsUpdatedAtAndLeavesCreatedAtAndNonUpdatableColumnsOut() {
        BulkWriteSql stocks = new BulkWriteSql(models.get(Stock.class));
        assertThat(stocks.update())
                .isEqualTo(
                        "WITH b_upd AS (UPDATE \"stock\" AS b_t SET \"quantity\" = u.b1, \"version\" ="
                                + " b_t.\"version\" + 1, \"updated_at\" = CURRENT_TIMESTAMP FROM unnest(?::int8[], ?::int4[],"
                                + " ?::int4[]) WITH ORDINALITY AS u(b_id, b1, b_version, b_ord) WHERE b_t.\"id\" = u.b_id AND"
                                + " b_t.\"version\" = u.b_version RETURNING b_t.\"id\", b_t.\"sku\", b_t.\"quantity\","
                                + " b_t.\"version\", b_t.\"created_at\", b_t.\"updated_at\", u.b_ord AS b_ord) SELECT \"id\","
                                + " \"sku\", \"quantity\", \"version\", \"created_at\", \"updated_at\" FROM b_upd ORDER BY b_ord");
    }

    @Test
    void valuesSentAsTextAreCastBackToTheColumnType() {
        BulkWriteSql accounts = new BulkWriteSql(models.get(Account.class));
        assertThat(accounts.update())
                .isEqualTo("WITH b_upd AS (UPDATE \"account\" AS b_t SET \"owner\" = u.b1, \"balance\" ="
                        + " u.b2::numeric FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(b_id, b1,"
                        + " b2, b_ord) WHERE b_t.\"id\" = u.b_id::uuid RETURNING b_t.\"id\", b_t.\"owner\","
                        + " b_t.\"balance\", u.b_ord AS b_ord) SELECT \"id\", \"owner\", \"balance\" FROM b_upd"
                        + " ORDER BY b_ord");
        assertThat(accounts.deleteByIds()).isEqualTo("DELETE FROM \"account\" WHERE \"id\" = ANY(?::text[]::uuid[])");
        assertThat(accounts.deleteByIdsAndVersions()).isEqualTo(accounts.deleteByIds());
    }

    @Test
    void deletesBindTheIdsAsOneArrayAndVersionsAsASecond() {
        BulkWriteSql notes = new BulkWriteSql(models.get(Note.class));
        assertThat(notes.deleteByIds()).isEqualTo("DELETE FROM \"note\" WHERE \"id\" = ANY(?::int8[])");
        assertThat(notes.deleteByIdsAndVersions())
                .isEqualTo("DELETE FROM \"note\" WHERE (\"id\", \"version\") IN (SELECT u.b_id, u.b_version FROM"
                        + " unnest(?::int8[], ?::int4[]) AS u(b_id, b_version))");
    }

    @Test
    void upsertInsertsFromTheNumberedInputAndJoinsTheReturnedRowsBackInInputOrder() {
        BulkWriteSql accounts = new BulkWriteSql(models.get(Account.class));
        assertThat(accounts.upsert())
                .isEqualTo("WITH v AS MATERIALIZED (SELECT u.b_id::uuid AS b_id, u.b1 AS b1, u.b2::numeric AS b2,"
                        + " u.b_ord FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(b_id, b1, b2,"
                        + " b_ord)), b_ins AS (INSERT INTO \"account\" AS b_t (\"id\", \"owner\", \"balance\") SELECT"
                        + " v.b_id, v.b1, v.b2 FROM v ON CONFLICT (\"id\") DO UPDATE SET \"owner\" ="
                        + " EXCLUDED.\"owner\", \"balance\" = EXCLUDED.\"balance\" RETURNING b_t.\"id\","
                        + " b_t.\"owner\", b_t.\"balance\") SELECT b_ins.\"id\", b_ins.\"owner\", b_ins.\"balance\""
                        + " FROM b_ins JOIN v ON b_ins.\"id\" = v.b_id ORDER BY v.b_ord");
        assertThat(new BulkWriteSql(models.get(Note.class)).upsert()).isNull();
        assertThat(new BulkWriteSql(models.get(Stock.class)).upsert()).isNull();
    }

    @Test
    void upsertOfEntitiesStoredAsSentWritesWithoutReadingBack() {
        assertThat(new BulkWriteSql(models.get(Reading.class)).upsertAsSent())
                .isEqualTo("INSERT INTO \"reading\" AS b_t (\"id\", \"sensor\", \"celsius\", \"ok\", \"level\") SELECT"
                        + " * FROM unnest(?::int8[], ?::text[], ?::int4[], ?::bool[], ?::float8[]) ON CONFLICT"
                        + " (\"id\") DO UPDATE SET \"sensor\" = EXCLUDED.\"sensor\", \"celsius\" ="
                        + " EXCLUDED.\"celsius\", \"ok\" = EXCLUDED.\"ok\", \"level\" = EXCLUDED.\"level\"");
        // A column cast from text, or one an update leaves as stored, can make the stored row differ from the sent one.
        assertThat(new BulkWriteSql(models.get(Account.class)).upsertAsSent()).isNull();
        assertThat(new BulkWriteSql(models.get(Probe.class)).upsertAsSent()).isNull();
        assertThat(new BulkWriteSql(models.get(Probe.class)).upsert()).isNotNull();
    }

    @io.databridge.mapping.Table
    record Probe(
            @io.databridge.mapping.Id long id,
            @io.databridge.mapping.Column(updatable = false) String name) {}
}
