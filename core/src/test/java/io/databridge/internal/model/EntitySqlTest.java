package io.databridge.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.fixtures.Account;
import io.databridge.fixtures.Note;
import io.databridge.fixtures.User;
import io.databridge.mapping.NamingStrategy;
import io.databridge.types.TypeCodecs;
import org.junit.jupiter.api.Test;

class EntitySqlTest {

    private final EntityModels models = new EntityModels(TypeCodecs.defaults(), NamingStrategy.SNAKE_CASE);
    private final EntitySql users = new EntitySql(models.get(User.class));

    @Test
    void insertLeavesTheGeneratedIdToTheDatabaseAndSetsVersionAndTimestampsInSql() {
        assertThat(users.insertWithoutId())
                .isEqualTo("INSERT INTO \"users\" (\"email\", \"name\", \"age\", \"active\", \"version\","
                        + " \"created_at\", \"updated_at\") VALUES (?, ?, ?, ?, 0, CURRENT_TIMESTAMP,"
                        + " CURRENT_TIMESTAMP) RETURNING \"id\", \"email\", \"name\", \"age\", \"active\", \"version\","
                        + " \"created_at\", \"updated_at\"");
        assertThat(users.insertWithoutIdBinds())
                .extracting(PropertyModel::name)
                .containsExactly("email", "name", "age", "active");
    }

    @Test
    void updateChecksAndIncrementsTheVersionAndNeverTouchesCreatedAt() {
        assertThat(users.update())
                .isEqualTo("UPDATE \"users\" SET \"email\" = ?, \"name\" = ?, \"age\" = ?, \"active\" = ?,"
                        + " \"version\" = \"version\" + 1, \"updated_at\" = CURRENT_TIMESTAMP WHERE \"id\" = ? AND"
                        + " \"version\" = ? RETURNING \"id\", \"email\", \"name\", \"age\", \"active\", \"version\","
                        + " \"created_at\", \"updated_at\"");
        assertThat(users.updateBinds())
                .extracting(PropertyModel::name)
                .containsExactly("email", "name", "age", "active", "id", "version");
    }

    @Test
    void selectAndDeleteRenderByIdWithExplicitColumns() {
        assertThat(users.selectById())
                .isEqualTo("SELECT \"id\", \"email\", \"name\", \"age\", \"active\", \"version\", \"created_at\","
                        + " \"updated_at\" FROM \"users\" WHERE \"id\" = ?");
        assertThat(users.deleteById()).isEqualTo("DELETE FROM \"users\" WHERE \"id\" = ?");
        assertThat(users.deleteByIdAndVersion())
                .isEqualTo("DELETE FROM \"users\" WHERE \"id\" = ? AND \"version\" = ?");
    }

    @Test
    void anEntityWithAnAssignedIdAndNoVersionIsUpsertedOnItsId() {
        EntitySql accounts = new EntitySql(models.get(Account.class));
        assertThat(accounts.upsert())
                .isEqualTo("INSERT INTO \"account\" (\"id\", \"owner\", \"balance\") VALUES (?, ?, ?) ON CONFLICT"
                        + " (\"id\") DO UPDATE SET \"owner\" = EXCLUDED.\"owner\", \"balance\" = EXCLUDED.\"balance\""
                        + " RETURNING \"id\", \"owner\", \"balance\"");
    }

    @Test
    void entitiesWithAGeneratedIdOrAVersionHaveNoUpsert() {
        assertThat(users.upsert()).isNull();
        assertThat(new EntitySql(models.get(Note.class)).upsert()).isNull();
    }

    @Test
    void theBindListsCannotBeChangedByTheirReaders() {
        PropertyModel email = users.updateBinds().get(0);
        assertThatThrownBy(() -> users.updateBinds().add(email)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> users.insertWithoutIdBinds().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> users.insertWithIdBinds().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
