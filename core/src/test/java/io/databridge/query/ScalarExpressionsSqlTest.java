package io.databridge.query;

import static io.databridge.query.Expressions.caseWhen;
import static io.databridge.query.Expressions.coalesce;
import static io.databridge.query.Expressions.count;
import static io.databridge.query.Expressions.literal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Issue 12: the exact SQL and binds of the expressions the DSL gained; the sample schema test runs them. */
class ScalarExpressionsSqlTest {

    private final DataBridge db = DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none"));

    private SqlStatement select(Expression<?> expression) {
        return db.from(Customer.class).selectTuple(expression).toSql();
    }

    private String sql(Expression<?> expression) {
        String text = select(expression).sql();
        return text.substring("SELECT ".length(), text.indexOf(" FROM \"customers\""));
    }

    @Test
    void caseCoalesceNullifGreatestLeast() {
        Expression<String> band = caseWhen(Customer_.age.lt(18), "minor")
                .when(Customer_.age.ge(65), literal("senior"))
                .otherwise("adult");
        assertThat(sql(band)).isEqualTo("CASE WHEN \"age\" < ? THEN ? WHEN \"age\" >= ? THEN 'senior' ELSE ? END");
        assertThat(select(band).binds()).containsExactly(18, "minor", 65, "adult");
        assertThat(sql(caseWhen(Customer_.active.isTrue(), Customer_.name)))
                .isEqualTo("CASE WHEN \"active\" IS TRUE" + " THEN \"name\" END");
        assertThat(sql(coalesce(Customer_.name, Customer_.email))).isEqualTo("COALESCE(\"name\", \"email\")");
        assertThat(sql(coalesce(Customer_.age, 0))).isEqualTo("COALESCE(\"age\", ?)");
        assertThat(sql(Expressions.nullif(Customer_.name, ""))).isEqualTo("NULLIF(\"name\", ?)");
        assertThat(sql(Expressions.greatest(Customer_.age, literal(18)))).isEqualTo("GREATEST(\"age\", 18)");
        assertThat(sql(Expressions.least(Customer_.age, Customer_.age, literal(99))))
                .isEqualTo("LEAST(\"age\"," + " \"age\", 99)");
    }

    @Test
    void castArithmeticAndConcatenation() {
        assertThat(sql(Expressions.cast(Customer_.age, "numeric(10, 2)", BigDecimal.class)))
                .isEqualTo("CAST(\"age\" AS numeric(10, 2))");
        assertThat(sql(Customer_.age.plus(1).times(Customer_.age).mod(7))).isEqualTo("((\"age\" + ?) * \"age\") % ?");
        assertThat(sql(Customer_.age.minus(Customer_.age).dividedBy(literal(2))))
                .isEqualTo("(\"age\" - \"age\") / 2");
        assertThat(sql(Customer_.name.concat(" <").concat(Customer_.email).concat(literal(">"))))
                .isEqualTo("((\"name\" || ?) || \"email\") || '>'");
        assertThatThrownBy(() -> Expressions.cast(Customer_.age, "int); DROP TABLE x; --", Integer.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid SQL type name 'int); DROP TABLE x; --'");
        assertThatThrownBy(() -> literal("a\\b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A string literal must not contain a backslash or NUL character (position 1); bind it"
                        + " with Expressions.value(...) instead");
    }

    @Test
    void datesAndIntervals() {
        assertThat(sql(Expressions.currentDate())).isEqualTo("CURRENT_DATE");
        assertThat(sql(Expressions.now())).isEqualTo("now()");
        assertThat(sql(Expressions.currentTimestamp())).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(sql(Expressions.extract(DatePart.YEAR, Customer_.createdAt)))
                .isEqualTo("extract(YEAR FROM \"created_at\")");
        assertThat(sql(Expressions.dateTrunc(DatePart.MONTH, Customer_.createdAt)))
                .isEqualTo("date_trunc('month', \"created_at\")");
        assertThat(sql(Customer_.createdAt.plusInterval(Expressions.interval("1 day"))))
                .isEqualTo("\"created_at\" + CAST('1 day' AS interval)");
        assertThatThrownBy(() -> Expressions.interval("1 day'; --"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("interval(\"1 day'; --\"): write a constant");
    }

    @Test
    void windowFramesAndOrderedAggregates() {
        assertThat(sql(Expressions.sum(Customer_.age)
                        .over(Window.ordered(Customer_.id.asc())
                                .rowsBetween(FrameBound.preceding(2), FrameBound.currentRow()))))
                .isEqualTo("sum(\"age\") OVER (ORDER BY \"id\" ASC ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)");
        assertThat(sql(count().over(Window.partitionBy(Customer_.tier)
                        .orderBy(Customer_.createdAt.asc())
                        .rangeBetween(FrameBound.preceding("7 days"), FrameBound.unboundedFollowing()))))
                .isEqualTo("count(*) OVER (PARTITION BY \"tier\" ORDER BY \"created_at\" ASC RANGE BETWEEN"
                        + " CAST('7 days' AS interval) PRECEDING AND UNBOUNDED FOLLOWING)");
        assertThat(sql(count().over(
                                Window.all().groupsBetween(FrameBound.unboundedPreceding(), FrameBound.following(1)))))
                .isEqualTo("count(*) OVER (GROUPS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING)");
        assertThat(sql(Expressions.stringAgg(Customer_.name, ", ", Customer_.age.desc(), Customer_.name.asc())))
                .isEqualTo("string_agg(\"name\", ', ' ORDER BY \"age\" DESC, \"name\" ASC)");
        assertThat(sql(Expressions.percentileCont(0.5, Customer_.age.asc())))
                .isEqualTo("percentile_cont(0.5) WITHIN GROUP (ORDER BY \"age\" ASC)");
        assertThat(sql(Expressions.mode(Customer_.tier.asc(), Tier.class)))
                .isEqualTo("mode() WITHIN GROUP (ORDER BY \"tier\" ASC)");
        assertThat(sql(Expressions.sumDecimal(Expressions.cast(Customer_.age, "numeric", BigDecimal.class))))
                .isEqualTo("sum(CAST(\"age\" AS numeric))");
    }

    @Test
    void groupingSets() {
        String rollup = db.from(Customer.class)
                .groupBy(Expressions.rollup(Customer_.tier, Customer_.active))
                .selectTuple(
                        Customer_.tier,
                        Customer_.active,
                        Expressions.grouping(Customer_.tier, Customer_.active),
                        count())
                .toSql()
                .sql();
        assertThat(rollup)
                .isEqualTo("SELECT \"tier\", \"active\", GROUPING(\"tier\", \"active\"), count(*) FROM \"customers\""
                        + " GROUP BY ROLLUP (\"tier\", \"active\")");
        assertThat(groupBy(Expressions.cube(Customer_.tier, Customer_.active)))
                .endsWith(" GROUP BY CUBE (\"tier\", \"active\")");
        assertThat(groupBy(Expressions.groupingSets(
                        List.of(Customer_.tier, Customer_.active), List.of(Customer_.tier), List.of())))
                .endsWith(" GROUP BY GROUPING SETS ((\"tier\", \"active\"), (\"tier\"), ())");
    }

    private String groupBy(Expression<?> grouping) {
        return db.from(Customer.class).groupBy(grouping).select(count()).toSql().sql();
    }

    @Test
    void textSearchAndJsonPaths() {
        Expression<String> query = Expressions.websearchToTsQuery("english", "fast -slow");
        SqlStatement search = db.from(Customer.class)
                .where(Expressions.toTsVector("english", Customer_.name).textMatches(query))
                .selectTuple(Expressions.tsRank(Expressions.toTsVector("english", Customer_.name), query))
                .toSql();
        assertThat(search.sql())
                .isEqualTo(
                        "SELECT ts_rank(to_tsvector('english'::regconfig, \"name\"),"
                                + " websearch_to_tsquery('english'::regconfig, ?)) FROM \"customers\""
                                + " WHERE to_tsvector('english'::regconfig, \"name\") @@ websearch_to_tsquery('english'::regconfig, ?)");
        assertThat(search.binds()).containsExactly("fast -slow", "fast -slow");
        assertThatThrownBy(() -> Expressions.toTsQuery("english'); --", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid text search configuration");

        String json = db.from(Purchase.class)
                .where(Purchase_.attributes
                        .jsonPathText("shipping", "city")
                        .eq("Oslo")
                        .and(Purchase_.attributes.jsonPathExists("$.items[*] ? (@.qty > 1)"))
                        .and(Purchase_.attributes.jsonPathMatches("$.total > 10")))
                .selectTuple(Purchase_.attributes.jsonPath("items", "0"))
                .toSql()
                .sql();
        assertThat(json)
                .isEqualTo("SELECT \"attributes\" #> ?::text[] FROM \"purchases\" WHERE (\"attributes\" #>> ?::text[])"
                        + " = ? AND \"attributes\" @?? ?::jsonpath AND \"attributes\" @@ ?::jsonpath");
    }

    @Test
    void lateralDerivedTablesAndJoinUsing() {
        DerivedTable<Tuple> latest = DerivedTable.lateral(
                "latest",
                db.from(Purchase.class)
                        .where(Purchase_.customerId.eq(Customer_.id))
                        .orderBy(Purchase_.id.desc())
                        .limit(3)
                        .selectTuple(Purchase_.total));
        SqlStatement sql = db.from(Customer.class)
                .crossJoin(latest)
                .selectTuple(Customer_.name, latest.get(Purchase_.total))
                .toSql();
        assertThat(sql.sql())
                .isEqualTo("SELECT \"customers\".\"name\", \"latest\".\"total\" FROM \"customers\" CROSS JOIN LATERAL"
                        + " (SELECT \"purchases\".\"total\" FROM \"purchases\" WHERE \"purchases\".\"customer_id\" ="
                        + " \"customers\".\"id\" ORDER BY \"purchases\".\"id\" DESC LIMIT ?) AS \"latest\"(\"total\")");
        assertThat(db.from(Purchase.class)
                        .joinUsing(Customer.class, Customer_.id)
                        .select(count())
                        .toSql()
                        .sql())
                .isEqualTo("SELECT count(*) FROM \"purchases\" JOIN \"customers\" USING (\"id\")");
        assertThatThrownBy(() -> db.from(Purchase.class).joinUsing(Customer.class, Purchase_.id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "joinUsing(Customer, ...) takes columns of Customer from its metamodel, but got Purchase.id");
    }
}
