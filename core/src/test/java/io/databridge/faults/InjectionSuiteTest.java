package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.fixtures.Account;
import io.databridge.fixtures.Account_;
import io.databridge.query.EntityAlias;
import io.databridge.query.Expressions;
import io.databridge.repository.PgRepository;
import io.databridge.repository.PgRepositoryFactory;
import io.databridge.repository.Query;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Sort;

/**
 * Over a thousand generated injection payloads through every input path (values, LIKE helpers, IN lists, raw SQL and
 * {@code @Query} parameters, bulk insert, sort keys, identifiers): each value is stored and matched literally, each
 * name is refused, and the canary table is intact after every path.
 */
@PostgresTest
class InjectionSuiteTest {

    private static final List<String> PAYLOADS = payloads();

    public interface AccountRepository extends PgRepository<Account, UUID> {
        @Query("SELECT * FROM account WHERE owner = :owner")
        List<Account> byOwner(String owner);
    }

    private final DataBridge db;
    private final AccountRepository accounts;

    InjectionSuiteTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
        this.accounts = new PgRepositoryFactory(db).create(AccountRepository.class);
    }

    @BeforeAll
    static void createTables(TestSchema schema, DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Account.class);
        schema.execute(
                "CREATE TABLE canary (id int PRIMARY KEY, word text NOT NULL)",
                "INSERT INTO canary VALUES (1," + " 'tweet')");
    }

    @BeforeEach
    void emptyAccounts() {
        db.sql("TRUNCATE account").update();
    }

    @AfterEach
    void canaryIsIntact() {
        assertThat(db.sql("SELECT word FROM canary WHERE id = 1").one(String.class))
                .isEqualTo("tweet");
        assertThat(db.sql("SELECT count(*) FROM canary").one(Long.class)).isEqualTo(1);
        assertThat(db.sql(
                                "SELECT count(*) FROM pg_tables WHERE tablename = 'account' AND schemaname = current_schema()")
                        .one(Long.class))
                .isEqualTo(1);
    }

    /** Fragments that break out of literals, identifiers, comments and dollar quotes, combined into payloads. */
    private static List<String> payloads() {
        String[] openers = {"", "'", "\"", "')", "\")", "$$", "$x$", "\\'", "''", "*/", "--", "%", "_", "\\"};
        String[] attacks = {
            "; DROP TABLE canary; --",
            " OR 1=1 --",
            "' OR '1'='1",
            "; UPDATE canary SET word = 'pwned'; --",
            " UNION SELECT word FROM canary --",
            "; DELETE FROM canary --",
            "/* */; TRUNCATE canary; /*",
            "; SELECT pg_sleep(0); --",
            ":owner",
            "?",
            "??",
            "%_%",
            "\u00e9\u4e2d\ud83d\ude00",
            "\u202e; DROP TABLE canary",
            "\n; DROP TABLE canary;\n",
        };
        String[] closers = {"", "'", "--", ";", "\"", "$$", ")"};
        Set<String> payloads = new LinkedHashSet<>();
        for (String opener : openers) {
            for (String attack : attacks) {
                for (String closer : closers) {
                    payloads.add(opener + attack + closer);
                }
            }
        }
        return List.copyOf(payloads);
    }

    private static Account account(String owner) {
        return new Account(UUID.randomUUID(), owner, BigDecimal.ONE);
    }

    @Test
    void thereAreOverAThousandPayloads() {
        assertThat(PAYLOADS).hasSizeGreaterThan(1_000);
    }

    @Test
    void everyPayloadIsStoredAndReadBackLiterallyThroughBulkInsert() {
        List<Account> all = new ArrayList<>();
        PAYLOADS.forEach(payload -> all.add(account(payload)));

        db.insertAll(all);

        assertThat(db.sql("SELECT owner FROM account").list(String.class))
                .containsExactlyInAnyOrderElementsOf(PAYLOADS);
    }

    @Test
    void everyPayloadIsMatchedLiterallyByEqualityLikeInRawSqlAndQueryMethods() {
        List<Account> all = new ArrayList<>();
        PAYLOADS.forEach(payload -> all.add(account(payload)));
        db.insertAll(all);
        int i = 0;
        for (String payload : PAYLOADS) {
            long literal =
                    PAYLOADS.stream().filter(other -> other.contains(payload)).count();
            assertThat(db.from(Account.class).where(Account_.owner.eq(payload)).count())
                    .as("eq %s", payload)
                    .isEqualTo(1);
            assertThat(db.from(Account.class)
                            .where(Account_.owner.contains(payload))
                            .count())
                    .as("contains %s", payload)
                    .isEqualTo(literal);
            assertThat(db.from(Account.class)
                            .where(Account_.owner.in(List.of(payload, "nobody")))
                            .count())
                    .isEqualTo(1);
            assertThat(db.sql("SELECT count(*) FROM account WHERE owner = :owner")
                            .param("owner", payload)
                            .one(Long.class))
                    .isEqualTo(1);
            if (i++ % 10 == 0) {
                assertThat(accounts.byOwner(payload)).hasSize(1);
                assertThat(db.from(Account.class)
                                .where(Account_.owner.startsWith(payload))
                                .count())
                        .isEqualTo(PAYLOADS.stream()
                                .filter(other -> other.startsWith(payload))
                                .count());
            }
        }
    }

    @Test
    void everyPayloadAsASortKeyIsRefused() {
        for (String payload : PAYLOADS) {
            assertThatThrownBy(() -> accounts.findAll(Sort.by(payload)))
                    .as("sort by %s", payload)
                    .isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessageContaining("it has no such property");
        }
    }

    @Test
    void everyPayloadAsAnIdentifierIsRefused() {
        for (String payload : PAYLOADS) {
            assertThatThrownBy(() -> EntityAlias.of(Account.class, "a" + payload))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Expressions.function("lower" + payload, String.class, Account_.owner))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
