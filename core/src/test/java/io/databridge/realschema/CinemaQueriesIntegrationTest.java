package io.databridge.realschema;

import static io.databridge.query.Expressions.caseWhen;
import static io.databridge.query.Expressions.coalesce;
import static io.databridge.query.Expressions.count;
import static io.databridge.query.Expressions.literal;
import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.query.Cte;
import io.databridge.query.DatePart;
import io.databridge.query.DerivedTable;
import io.databridge.query.EntityAlias;
import io.databridge.query.Expression;
import io.databridge.query.Expressions;
import io.databridge.query.FrameBound;
import io.databridge.query.ResultQuery;
import io.databridge.query.Tuple;
import io.databridge.query.Window;
import io.databridge.realschema.Cinema.Customer;
import io.databridge.realschema.Cinema.CustomerSpend;
import io.databridge.realschema.Cinema.Film;
import io.databridge.realschema.Cinema.FilmCatalog;
import io.databridge.realschema.Cinema.FilmGenre;
import io.databridge.realschema.Cinema.Genre;
import io.databridge.realschema.Cinema.Payment;
import io.databridge.realschema.Cinema.Rental;
import io.databridge.realschema.Cinema.Review;
import io.databridge.realschema.Cinema.Staff;
import io.databridge.realschema.Cinema.Studio;
import io.databridge.types.EnumLabels;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12's proof: analytic queries over {@code realschema/cinema.sql} (11 tables, a partitioned table, two views,
 * enums with labels that are not identifiers, a domain, tsvector, text[], jsonb, generated columns, composite keys,
 * sequences not owned by their columns), each written once as SQL text (the oracle) and once through the DSL, with
 * equal results. Every query orders its rows, so the lists are compared in order.
 */
@io.databridge.testdb.PostgresTest
class CinemaQueriesIntegrationTest {

    private final DataBridge db;
    private final JdbcTemplate jdbc;

    CinemaQueriesIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @BeforeAll
    static void loadSchema(DataSource dataSource) throws IOException, SQLException {
        String script;
        try (InputStream in = CinemaQueriesIntegrationTest.class.getResourceAsStream("/realschema/cinema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }

    /** Runs both and asserts the same rows in the same order (and at least one row, unless told otherwise). */
    private void same(String oracle, ResultQuery<?> dsl) {
        List<List<Object>> expected = jdbc.query(oracle, (rows, n) -> {
            ResultSetMetaData meta = rows.getMetaData();
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.add(normalize(rows.getObject(i)));
            }
            return row;
        });
        List<List<Object>> actual = new ArrayList<>();
        for (Object row : dsl.list()) {
            actual.add(row(row));
        }
        assertThat(expected).as("the oracle returns rows").isNotEmpty();
        assertThat(actual).as(dsl.toSql().sql()).isEqualTo(expected);
    }

    private static List<Object> row(@Nullable Object row) {
        List<Object> values = new ArrayList<>();
        if (row instanceof Tuple tuple) {
            for (int i = 0; i < tuple.size(); i++) {
                values.add(normalize(tuple.get(i)));
            }
        } else if (row != null && row.getClass().isRecord()) {
            for (var component : row.getClass().getRecordComponents()) {
                try {
                    values.add(normalize(component.getAccessor().invoke(row)));
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        } else {
            values.add(normalize(row));
        }
        return values;
    }

    /** One comparable form per value: numbers without trailing zeros, instants, enum labels, JSON text, lists. */
    private static Object normalize(@Nullable Object value) {
        try {
            if (value == null) {
                return "NULL";
            }
            if (value instanceof Float || value instanceof Double) {
                return value.toString();
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            }
            if (value instanceof Enum<?> constant) {
                return EnumLabels.label(constant);
            }
            if (value instanceof Timestamp timestamp) {
                return timestamp.toInstant().toString();
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant().toString();
            }
            if (value instanceof Instant instant) {
                return instant.toString();
            }
            if (value instanceof java.sql.Date date) {
                return date.toLocalDate().toString();
            }
            if (value instanceof PGobject object) {
                return object.getValue();
            }
            if (value instanceof Array array) {
                return normalize(Arrays.asList((Object[]) array.getArray()));
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                list.forEach(element -> copy.add(normalize(element)));
                return copy;
            }
            return value.toString();
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    // ---- enums with labels, CASE, COALESCE, NULLIF, GREATEST/LEAST, CAST, arithmetic, || ---------------------------

    @Test
    void q01FilmsPerRatingGroupedByAnEnumWithLabels() {
        same(
                "SELECT rating, count(*) FROM film GROUP BY rating ORDER BY rating",
                db.from(Film.class)
                        .groupBy(Cinema_Film_.rating)
                        .orderBy(Cinema_Film_.rating.asc())
                        .selectTuple(Cinema_Film_.rating, count()));
    }

    @Test
    void q02FilmsWhoseRatingIsInAListOfLabels() {
        same(
                "SELECT title FROM film WHERE rating IN ('PG-13', 'NC-17') ORDER BY id",
                db.from(Film.class)
                        .where(Cinema_Film_.rating.in(Rating.PG_13, Rating.NC_17))
                        .orderBy(Cinema_Film_.id.asc())
                        .select(Cinema_Film_.title));
    }

    @Test
    void q03LengthBandsWithCaseOfBoundValues() {
        Expression<String> band = caseWhen(Cinema_Film_.lengthMin.lt(90), "short")
                .when(Cinema_Film_.lengthMin.lt(130), "feature")
                .otherwise("epic")
                .as("band");
        same(
                "SELECT CASE WHEN length_min < 90 THEN 'short' WHEN length_min < 130 THEN 'feature' ELSE 'epic' END"
                        + " AS band, count(*) FROM film GROUP BY 1 ORDER BY band",
                db.from(Film.class).groupBy(band).orderBy(band.asc()).selectTuple(band, count()));
    }

    @Test
    void q04PriceBandsWithCaseOfLiterals() {
        Expression<String> band = caseWhen(Cinema_Film_.price.lt(new BigDecimal("4")), literal("cheap"))
                .otherwise(literal("dear"));
        same(
                "SELECT CASE WHEN price < 4 THEN 'cheap' ELSE 'dear' END, avg(length_min) FROM film"
                        + " GROUP BY CASE WHEN price < 4 THEN 'cheap' ELSE 'dear' END ORDER BY 1",
                db.from(Film.class)
                        .groupBy(band)
                        .orderBy(band.asc())
                        .selectTuple(band, Expressions.avgDecimal(Cinema_Film_.lengthMin)));
    }

    @Test
    void q05CoalesceWithABoundFallback() {
        same(
                "SELECT id, coalesce(description, '(none)') FROM film WHERE id < 112 ORDER BY id",
                db.from(Film.class)
                        .where(Cinema_Film_.id.lt(112L))
                        .orderBy(Cinema_Film_.id.asc())
                        .selectTuple(Cinema_Film_.id, coalesce(Cinema_Film_.description, "(none)")));
    }

    @Test
    void q06NullifInsideCoalesceGroupedAndOrdered() {
        Expression<String> place = coalesce(Expressions.nullif(Cinema_Customer_.city, "Oslo"), "elsewhere");
        same(
                "SELECT coalesce(nullif(city, 'Oslo'), 'elsewhere'), count(*) FROM customer GROUP BY 1 ORDER BY 1",
                db.from(Customer.class).groupBy(place).orderBy(place.asc()).selectTuple(place, count()));
    }

    @Test
    void q07GreatestAndLeast() {
        same(
                "SELECT id, greatest(length_min, 100), least(price, 5.00) FROM film ORDER BY id LIMIT 10",
                db.from(Film.class)
                        .orderBy(Cinema_Film_.id.asc())
                        .limit(10)
                        .selectTuple(
                                Cinema_Film_.id,
                                Expressions.greatest(Cinema_Film_.lengthMin, literal(100)),
                                Expressions.least(Cinema_Film_.price, literal(new BigDecimal("5.00")))));
    }

    @Test
    void q08CastAndTypedArithmetic() {
        same(
                "SELECT id, CAST(price AS integer), price * 2 + 1, length_min / 60, length_min % 60 FROM film"
                        + " ORDER BY id LIMIT 15",
                db.from(Film.class)
                        .orderBy(Cinema_Film_.id.asc())
                        .limit(15)
                        .selectTuple(
                                Cinema_Film_.id,
                                Expressions.cast(Cinema_Film_.price, "integer", Integer.class),
                                Cinema_Film_.price.times(new BigDecimal("2")).plus(BigDecimal.ONE),
                                Cinema_Film_.lengthMin.dividedBy(60),
                                Cinema_Film_.lengthMin.mod(60)));
    }

    @Test
    void q09ConcatenationOfADomainColumn() {
        same(
                "SELECT name || ' <' || email || '>' FROM customer ORDER BY id LIMIT 5",
                db.from(Customer.class)
                        .orderBy(Cinema_Customer_.id.asc())
                        .limit(5)
                        .select(Cinema_Customer_.name
                                .concat(" <")
                                .concat(Cinema_Customer_.email)
                                .concat(">")));
    }

    // ---- dates and intervals ---------------------------------------------------------------------------------------

    @Test
    void q10FilmsPerReleaseYear() {
        Expression<BigDecimal> year =
                Expressions.extract(DatePart.YEAR, Cinema_Film_.released).as("y");
        same(
                "SELECT extract(YEAR FROM released) AS y, count(*) FROM film GROUP BY 1 ORDER BY y DESC LIMIT 5",
                db.from(Film.class).groupBy(year).orderBy(year.desc()).limit(5).selectTuple(year, count()));
    }

    @Test
    void q11RentalsPerMonthOfAPartition() {
        Expression<Instant> month = Expressions.dateTrunc(DatePart.MONTH, Cinema_Rental_.rentedAt);
        same(
                "SELECT date_trunc('month', rented_at), count(*) FROM rental WHERE rented_at >= '2025-01-01 00:00+00'"
                        + " GROUP BY 1 ORDER BY 1",
                db.from(Rental.class)
                        .where(Cinema_Rental_.rentedAt.ge(Instant.parse("2025-01-01T00:00:00Z")))
                        .groupBy(month)
                        .orderBy(month.asc())
                        .selectTuple(month, count()));
    }

    @Test
    void q12LateReturnsWithIntervalArithmetic() {
        same(
                "SELECT count(*) FROM rental WHERE returned_at > rented_at + interval '3 days'",
                db.from(Rental.class)
                        .where(Cinema_Rental_.returnedAt.gt(
                                Cinema_Rental_.rentedAt.plusInterval(Expressions.interval("3 days"))))
                        .select(count()));
    }

    @Test
    void q13CurrentDateAndNow() {
        same(
                "SELECT count(*) FILTER (WHERE joined < CURRENT_DATE - interval '365 days'),"
                        + " count(*) FILTER (WHERE joined < now()) FROM customer",
                db.from(Customer.class)
                        .selectTuple(
                                count().filter(Cinema_Customer_.joined.lt(
                                        Expressions.currentDate().minusInterval(Expressions.interval("365 days")))),
                                count().filter(Expressions.cast(Cinema_Customer_.joined, "timestamptz", Instant.class)
                                        .lt(Expressions.now()))));
    }

    // ---- windows ---------------------------------------------------------------------------------------------------

    @Test
    void q14RunningTotalWithARowsFrame() {
        same(
                "SELECT customer_id, paid_at, sum(amount) OVER (PARTITION BY customer_id ORDER BY paid_at, id"
                        + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM payment WHERE customer_id <= 3"
                        + " ORDER BY customer_id, paid_at, id",
                db.from(Payment.class)
                        .where(Cinema_Payment_.customerId.le(3L))
                        .orderBy(
                                Cinema_Payment_.customerId.asc(),
                                Cinema_Payment_.paidAt.asc(),
                                Cinema_Payment_.id.asc())
                        .selectTuple(
                                Cinema_Payment_.customerId,
                                Cinema_Payment_.paidAt,
                                Expressions.sumDecimal(Cinema_Payment_.amount)
                                        .over(Window.partitionBy(Cinema_Payment_.customerId)
                                                .orderBy(Cinema_Payment_.paidAt.asc(), Cinema_Payment_.id.asc())
                                                .rowsBetween(
                                                        FrameBound.unboundedPreceding(), FrameBound.currentRow()))));
    }

    @Test
    void q15MovingAverageOverThreeRows() {
        same(
                "SELECT id, avg(amount) OVER (ORDER BY paid_at, id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)"
                        + " FROM payment WHERE customer_id = 5 ORDER BY paid_at, id",
                db.from(Payment.class)
                        .where(Cinema_Payment_.customerId.eq(5L))
                        .orderBy(Cinema_Payment_.paidAt.asc(), Cinema_Payment_.id.asc())
                        .selectTuple(
                                Cinema_Payment_.id,
                                Expressions.avgDecimal(Cinema_Payment_.amount)
                                        .over(Window.ordered(Cinema_Payment_.paidAt.asc(), Cinema_Payment_.id.asc())
                                                .rowsBetween(FrameBound.preceding(2), FrameBound.currentRow()))));
    }

    @Test
    void q16RentalsInTheLastWeekWithARangeFrame() {
        same(
                "SELECT id, count(*) OVER (ORDER BY rented_at RANGE BETWEEN '7 days' PRECEDING AND CURRENT ROW)"
                        + " FROM rental WHERE customer_id = 8 ORDER BY rented_at, id",
                db.from(Rental.class)
                        .where(Cinema_Rental_.customerId.eq(8L))
                        .orderBy(Cinema_Rental_.rentedAt.asc(), Cinema_Rental_.id.asc())
                        .selectTuple(
                                Cinema_Rental_.id,
                                count().over(Window.ordered(Cinema_Rental_.rentedAt.asc())
                                        .rangeBetween(FrameBound.preceding("7 days"), FrameBound.currentRow()))));
    }

    @Test
    void q17NeighbouringRatingsWithAGroupsFrame() {
        same(
                "SELECT id, count(*) OVER (ORDER BY rating GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM film"
                        + " WHERE studio_id = 10 ORDER BY rating, id",
                db.from(Film.class)
                        .where(Cinema_Film_.studioId.eq(10))
                        .orderBy(Cinema_Film_.rating.asc(), Cinema_Film_.id.asc())
                        .selectTuple(
                                Cinema_Film_.id,
                                count().over(Window.ordered(Cinema_Film_.rating.asc())
                                        .groupsBetween(FrameBound.preceding(1), FrameBound.following(1)))));
    }

    @Test
    void q18PriceRankPerStudioOrderedByItsAlias() {
        Expression<Long> rank = Expressions.rank()
                .over(Window.partitionBy(Cinema_Film_.studioId).orderBy(Cinema_Film_.price.desc()))
                .as("r");
        same(
                "SELECT studio_id, title, rank() OVER (PARTITION BY studio_id ORDER BY price DESC) AS r FROM film"
                        + " ORDER BY studio_id, r, id",
                db.from(Film.class)
                        .orderBy(Cinema_Film_.studioId.asc(), rank.asc(), Cinema_Film_.id.asc())
                        .selectTuple(Cinema_Film_.studioId, Cinema_Film_.title, rank));
    }

    @Test
    void q19DifferenceToThePreviousPaymentWithLag() {
        same(
                "SELECT id, amount - lag(amount) OVER (ORDER BY paid_at, id) FROM payment WHERE customer_id = 2"
                        + " ORDER BY paid_at, id",
                db.from(Payment.class)
                        .where(Cinema_Payment_.customerId.eq(2L))
                        .orderBy(Cinema_Payment_.paidAt.asc(), Cinema_Payment_.id.asc())
                        .selectTuple(
                                Cinema_Payment_.id,
                                Cinema_Payment_.amount.minus(Expressions.lag(Cinema_Payment_.amount)
                                        .over(Window.ordered(
                                                Cinema_Payment_.paidAt.asc(), Cinema_Payment_.id.asc())))));
    }

    // ---- aggregates: FILTER, ordered-set, string_agg, grouping sets ---------------------------------------------

    @Test
    void q20OpenRentalsPerStoreWithFilter() {
        same(
                "SELECT store_id, count(*), count(*) FILTER (WHERE returned_at IS NULL) FROM rental"
                        + " GROUP BY store_id ORDER BY store_id",
                db.from(Rental.class)
                        .groupBy(Cinema_Rental_.storeId)
                        .orderBy(Cinema_Rental_.storeId.asc())
                        .selectTuple(
                                Cinema_Rental_.storeId, count(), count().filter(Cinema_Rental_.returnedAt.isNull())));
    }

    @Test
    void q21MedianPricePerRating() {
        same(
                "SELECT rating, percentile_cont(0.5) WITHIN GROUP (ORDER BY price) FROM film GROUP BY rating"
                        + " ORDER BY rating",
                db.from(Film.class)
                        .groupBy(Cinema_Film_.rating)
                        .orderBy(Cinema_Film_.rating.asc())
                        .selectTuple(Cinema_Film_.rating, Expressions.percentileCont(0.5, Cinema_Film_.price.asc())));
    }

    @Test
    void q22PercentileDiscAndModePerStudio() {
        same(
                "SELECT studio_id, percentile_disc(0.9) WITHIN GROUP (ORDER BY length_min),"
                        + " mode() WITHIN GROUP (ORDER BY rating) FROM film GROUP BY studio_id ORDER BY studio_id",
                db.from(Film.class)
                        .groupBy(Cinema_Film_.studioId)
                        .orderBy(Cinema_Film_.studioId.asc())
                        .selectTuple(
                                Cinema_Film_.studioId,
                                Expressions.percentileDisc(0.9, Cinema_Film_.lengthMin.asc(), Integer.class),
                                Expressions.mode(Cinema_Film_.rating.asc(), Rating.class)));
    }

    @Test
    void q23TitlesPerStudioWithAnOrderedStringAgg() {
        same(
                "SELECT studio_id, string_agg(title, ', ' ORDER BY title DESC) FROM film WHERE id < 120"
                        + " GROUP BY studio_id ORDER BY studio_id",
                db.from(Film.class)
                        .where(Cinema_Film_.id.lt(120L))
                        .groupBy(Cinema_Film_.studioId)
                        .orderBy(Cinema_Film_.studioId.asc())
                        .selectTuple(
                                Cinema_Film_.studioId,
                                Expressions.stringAgg(Cinema_Film_.title, ", ", Cinema_Film_.title.desc())));
    }

    @Test
    void q24RollupWithGrouping() {
        Expression<Integer> grouping = Expressions.grouping(Cinema_Film_.studioId, Cinema_Film_.rating);
        same(
                "SELECT studio_id, rating, grouping(studio_id, rating), count(*) FROM film"
                        + " GROUP BY ROLLUP (studio_id, rating) ORDER BY 3, 1, 2",
                db.from(Film.class)
                        .groupBy(Expressions.rollup(Cinema_Film_.studioId, Cinema_Film_.rating))
                        .orderBy(grouping.asc(), Cinema_Film_.studioId.asc(), Cinema_Film_.rating.asc())
                        .selectTuple(Cinema_Film_.studioId, Cinema_Film_.rating, grouping, count()));
    }

    @Test
    void q25CubeOverAConditionAndAColumn() {
        Expression<Boolean> open = Cinema_Rental_.returnedAt.isNull();
        same(
                "SELECT store_id, returned_at IS NULL, count(*) FROM rental"
                        + " GROUP BY CUBE (store_id, returned_at IS NULL) ORDER BY 1, 2",
                db.from(Rental.class)
                        .groupBy(Expressions.cube(Cinema_Rental_.storeId, open))
                        .orderBy(Cinema_Rental_.storeId.asc(), open.asc())
                        .selectTuple(Cinema_Rental_.storeId, open, count()));
    }

    @Test
    void q26GroupingSetsOfCityAndMembership() {
        same(
                "SELECT city, membership, count(*) FROM customer GROUP BY GROUPING SETS ((city), (membership), ())"
                        + " ORDER BY 1, 2",
                db.from(Customer.class)
                        .groupBy(Expressions.groupingSets(
                                List.of(Cinema_Customer_.city), List.of(Cinema_Customer_.membership), List.of()))
                        .orderBy(Cinema_Customer_.city.asc(), Cinema_Customer_.membership.asc())
                        .selectTuple(Cinema_Customer_.city, Cinema_Customer_.membership, count()));
    }

    @Test
    void q27AverageStarsOfWellReviewedFilms() {
        Expression<BigDecimal> stars =
                Expressions.avgDecimal(Cinema_Review_.stars).as("stars");
        same(
                "SELECT film_id, avg(stars) AS stars FROM review GROUP BY film_id HAVING count(*) >= 2"
                        + " ORDER BY stars DESC, film_id",
                db.from(Review.class)
                        .groupBy(Cinema_Review_.filmId)
                        .having(count().ge(2L))
                        .orderBy(stars.desc(), Cinema_Review_.filmId.asc())
                        .selectTuple(Cinema_Review_.filmId, stars));
    }

    @Test
    void q28DistinctCustomersOfAStore() {
        same(
                "SELECT count(DISTINCT customer_id) FROM rental WHERE store_id = 2",
                db.from(Rental.class)
                        .where(Cinema_Rental_.storeId.eq(2))
                        .select(Expressions.countDistinct(Cinema_Rental_.customerId)));
    }

    // ---- DISTINCT ON, joins, subqueries, CTEs, set operations, views ------------------------------------------

    @Test
    void q29LatestRentalPerCustomerWithDistinctOn() {
        same(
                "SELECT DISTINCT ON (customer_id) customer_id, film_id, rented_at FROM rental"
                        + " ORDER BY customer_id, rented_at DESC, id",
                db.from(Rental.class)
                        .distinctOn(Cinema_Rental_.customerId)
                        .orderBy(
                                Cinema_Rental_.customerId.asc(),
                                Cinema_Rental_.rentedAt.desc(),
                                Cinema_Rental_.id.asc())
                        .selectTuple(Cinema_Rental_.customerId, Cinema_Rental_.filmId, Cinema_Rental_.rentedAt));
    }

    @Test
    void q30BigStudiosWithJoinHavingAndAliasOrder() {
        Expression<Long> n = count().as("n");
        same(
                "SELECT s.name, count(*) AS n FROM film AS f JOIN studio AS s ON s.id = f.studio_id GROUP BY s.name"
                        + " HAVING count(*) >= 12 ORDER BY n DESC, s.name",
                db.from(Film.class)
                        .join(Studio.class, Cinema_Studio_.id.eq(Cinema_Film_.studioId))
                        .groupBy(Cinema_Studio_.name)
                        .having(n.ge(12L))
                        .orderBy(n.desc(), Cinema_Studio_.name.asc())
                        .selectTuple(Cinema_Studio_.name, n));
    }

    @Test
    void q31CustomersWithAFiveStarReviewThroughExists() {
        same(
                "SELECT name FROM customer AS c WHERE EXISTS (SELECT 1 FROM review AS r WHERE r.customer_id = c.id"
                        + " AND r.stars >= 5) ORDER BY id",
                db.from(Customer.class)
                        .where(Expressions.exists(db.from(Review.class)
                                .where(Cinema_Review_.customerId
                                        .eq(Cinema_Customer_.id)
                                        .and(Cinema_Review_.stars.ge(5)))))
                        .orderBy(Cinema_Customer_.id.asc())
                        .select(Cinema_Customer_.name));
    }

    @Test
    void q32FilmsNobodyRatedHighlyWithAnAntiJoin() {
        same(
                "SELECT f.title FROM film AS f LEFT JOIN review AS r ON r.film_id = f.id AND r.stars >= 4"
                        + " WHERE r.film_id IS NULL"
                        + " ORDER BY f.id",
                db.from(Film.class)
                        .leftJoin(
                                Review.class,
                                Cinema_Review_.filmId.eq(Cinema_Film_.id).and(Cinema_Review_.stars.ge(4)))
                        .where(Cinema_Review_.filmId.isNull())
                        .orderBy(Cinema_Film_.id.asc())
                        .select(Cinema_Film_.title));
    }

    @Test
    void q33TopSpendersThroughACte() {
        Expression<BigDecimal> total =
                Expressions.sumDecimal(Cinema_Payment_.amount).as("total");
        Cte<Tuple> spend = Cte.of(
                "spend",
                db.from(Payment.class)
                        .groupBy(Cinema_Payment_.customerId)
                        .selectTuple(Cinema_Payment_.customerId, total));
        same(
                "WITH spend AS (SELECT customer_id, sum(amount) AS total FROM payment GROUP BY customer_id)"
                        + " SELECT c.name, s.total FROM customer AS c JOIN spend AS s ON s.customer_id = c.id"
                        + " WHERE s.total > 100 ORDER BY s.total DESC, c.name",
                db.from(Customer.class)
                        .join(spend, spend.get(Cinema_Payment_.customerId).eq(Cinema_Customer_.id))
                        .where(spend.get(total).gt(new BigDecimal("100")))
                        .orderBy(spend.get(total).desc(), Cinema_Customer_.name.asc())
                        .selectTuple(Cinema_Customer_.name, spend.get(total)));
    }

    @Test
    void q34CustomersAndStaffOfOsloThroughUnion() {
        same(
                "(SELECT name FROM customer WHERE city = 'Oslo') UNION (SELECT name FROM staff WHERE store_id = 1)"
                        + " ORDER BY name",
                db.from(Customer.class)
                        .where(Cinema_Customer_.city.eq("Oslo"))
                        .select(Cinema_Customer_.name)
                        .union(db.from(Staff.class)
                                .where(Cinema_Staff_.storeId.eq(1))
                                .select(Cinema_Staff_.name))
                        .orderBy(Cinema_Customer_.name.asc()));
    }

    @Test
    void q35ManagersOfStaffWithASelfJoin() {
        EntityAlias<Staff> employee = EntityAlias.of(Staff.class, "e");
        EntityAlias<Staff> manager = EntityAlias.of(Staff.class, "m");
        same(
                "SELECT e.name, m.name FROM staff AS e LEFT JOIN staff AS m ON m.id = e.manager_id ORDER BY e.id",
                db.from(Staff.class)
                        .as(employee)
                        .leftJoin(manager, manager.get(Cinema_Staff_.id).eq(employee.get(Cinema_Staff_.managerId)))
                        .orderBy(employee.get(Cinema_Staff_.id).asc())
                        .selectTuple(employee.get(Cinema_Staff_.name), manager.get(Cinema_Staff_.name)));
    }

    @Test
    void q36BiggestSpendersFromAView() {
        same(
                "SELECT customer_id, name, total, payments FROM customer_spend WHERE payments > 10"
                        + " ORDER BY total DESC, customer_id LIMIT 10",
                db.from(CustomerSpend.class)
                        .where(Cinema_CustomerSpend_.payments.gt(10L))
                        .orderBy(Cinema_CustomerSpend_.total.desc(), Cinema_CustomerSpend_.customerId.asc())
                        .limit(10));
    }

    @Test
    void q37CatalogViewFilteredByALabel() {
        same(
                "SELECT id, title, studio, rating, price FROM film_catalog WHERE rating = 'PG-13' ORDER BY id",
                db.from(FilmCatalog.class)
                        .where(Cinema_FilmCatalog_.rating.eq(Rating.PG_13))
                        .orderBy(Cinema_FilmCatalog_.id.asc()));
    }

    @Test
    void q38RentalsPerYearAcrossPartitions() {
        Expression<BigDecimal> year = Expressions.extract(DatePart.YEAR, Cinema_Rental_.rentedAt);
        same(
                "SELECT extract(YEAR FROM rented_at), count(*) FROM rental GROUP BY 1 ORDER BY 1",
                db.from(Rental.class).groupBy(year).orderBy(year.asc()).selectTuple(year, count()));
    }

    @Test
    void q39FilmsPerGenreThroughACompositeKeyTable() {
        Expression<Long> films = count().as("films");
        same(
                "SELECT g.name, count(*) AS films FROM film_genre AS fg JOIN genre AS g ON g.id = fg.genre_id"
                        + " GROUP BY g.name ORDER BY films DESC, g.name",
                db.from(FilmGenre.class)
                        .join(Genre.class, Cinema_Genre_.id.eq(Cinema_FilmGenre_.genreId))
                        .groupBy(Cinema_Genre_.name)
                        .orderBy(films.desc(), Cinema_Genre_.name.asc())
                        .selectTuple(Cinema_Genre_.name, films));
    }

    @Test
    void q40CentsFromAGeneratedColumn() {
        Expression<Number> cents = Expressions.sum(Cinema_Payment_.amountCents).as("cents");
        same(
                "SELECT customer_id, sum(amount_cents) AS cents FROM payment GROUP BY customer_id"
                        + " ORDER BY cents DESC, customer_id LIMIT 5",
                db.from(Payment.class)
                        .groupBy(Cinema_Payment_.customerId)
                        .orderBy(cents.desc(), Cinema_Payment_.customerId.asc())
                        .limit(5)
                        .selectTuple(Cinema_Payment_.customerId, cents));
    }

    @Test
    void q41NorwegianAddressesInADomainColumn() {
        same(
                "SELECT email FROM customer WHERE email LIKE '%.no' ORDER BY id",
                db.from(Customer.class)
                        .where(Cinema_Customer_.email.endsWith(".no"))
                        .orderBy(Cinema_Customer_.id.asc())
                        .select(Cinema_Customer_.email));
    }

    @Test
    void q42DistinctPlaceAndPlanOrderedByTheSelectedExpression() {
        Expression<String> label = Expressions.function(
                "concat", String.class, Cinema_Customer_.city, Expressions.value(" / "), Cinema_Customer_.membership);
        same(
                "SELECT DISTINCT concat(city, ' / ', membership) FROM customer ORDER BY 1",
                db.from(Customer.class).distinct().orderBy(label.asc()).select(label));
    }

    @Test
    void q43MembershipsByLabelAmongActiveCustomers() {
        same(
                "SELECT name, membership FROM customer WHERE membership IN ('premium-plus', 'trial') AND active"
                        + " ORDER BY id",
                db.from(Customer.class)
                        .where(Cinema_Customer_.membership
                                .in(Membership.PREMIUM_PLUS, Membership.TRIAL)
                                .and(Cinema_Customer_.active.isTrue()))
                        .orderBy(Cinema_Customer_.id.asc())
                        .selectTuple(Cinema_Customer_.name, Cinema_Customer_.membership));
    }

    // ---- full-text search, jsonb, arrays -------------------------------------------------------------------------

    @Test
    void q44RankedWebSearchOnAGeneratedTsvector() {
        Expression<String> query = Expressions.websearchToTsQuery("english", "dragon river");
        Expression<Float> rank = Expressions.tsRank(Cinema_Film_.search, query).as("rank");
        same(
                "SELECT id, title, ts_rank(search, websearch_to_tsquery('english', 'dragon river')) AS rank FROM film"
                        + " WHERE search @@ websearch_to_tsquery('english', 'dragon river') ORDER BY rank DESC, id",
                db.from(Film.class)
                        .where(Cinema_Film_.search.textMatches(query))
                        .orderBy(rank.desc(), Cinema_Film_.id.asc())
                        .selectTuple(Cinema_Film_.id, Cinema_Film_.title, rank));
    }

    @Test
    void q45PlainSearchOnAComputedTsvector() {
        same(
                "SELECT id FROM film WHERE to_tsvector('english', coalesce(description, ''))"
                        + " @@ plainto_tsquery('english', 'quiet harbors') ORDER BY id",
                db.from(Film.class)
                        .where(Expressions.toTsVector("english", coalesce(Cinema_Film_.description, ""))
                                .textMatches(Expressions.plainToTsQuery("english", "quiet harbors")))
                        .orderBy(Cinema_Film_.id.asc())
                        .select(Cinema_Film_.id));
    }

    @Test
    void q46FilmsPerDirectorThroughANestedJsonPath() {
        Expression<String> director =
                Cinema_Film_.meta.jsonPathText("crew", "director").as("director");
        same(
                "SELECT meta #>> '{crew,director}' AS director, count(*) FROM film GROUP BY 1 ORDER BY director",
                db.from(Film.class).groupBy(director).orderBy(director.asc()).selectTuple(director, count()));
    }

    @Test
    void q47RecentAwardsWithAJsonPathQuery() {
        same(
                "SELECT id, meta #> '{awards,0}' FROM film WHERE meta @? '$.awards[*] ? (@.year > 2010)' ORDER BY id",
                db.from(Film.class)
                        .where(Cinema_Film_.meta.jsonPathExists("$.awards[*] ? (@.year > 2010)"))
                        .orderBy(Cinema_Film_.id.asc())
                        .selectTuple(Cinema_Film_.id, Cinema_Film_.meta.jsonPath("awards", "0")));
    }

    @Test
    void q48BigBudgetsWithAJsonPathPredicateAndNestedContainment() {
        same(
                "SELECT id FROM film WHERE meta @@ '$.budget > 30000' AND meta @> '{\"crew\":{\"director\":\"Kim\"}}'"
                        + " ORDER BY id",
                db.from(Film.class)
                        .where(Cinema_Film_.meta
                                .jsonPathMatches("$.budget > 30000")
                                .and(Cinema_Film_.meta.jsonContains("{\"crew\":{\"director\":\"Kim\"}}")))
                        .orderBy(Cinema_Film_.id.asc())
                        .select(Cinema_Film_.id));
    }

    @Test
    void q49AwardWinnersThroughTextArrayContainment() {
        same(
                "SELECT id, tags FROM film WHERE tags @> ARRAY['award'] AND 'classic' <> ALL(tags) ORDER BY id",
                db.from(Film.class)
                        .where(Cinema_Film_.tags
                                .arrayContains(List.of("award"))
                                .and(Cinema_Film_.tags.hasElement("classic").not()))
                        .orderBy(Cinema_Film_.id.asc())
                        .selectTuple(Cinema_Film_.id, Cinema_Film_.tags));
    }

    @Test
    void q50RevenuePerStudioAndRatingThroughTwoJoins() {
        Expression<BigDecimal> revenue =
                Expressions.sumDecimal(Cinema_Payment_.amount).as("revenue");
        same(
                "SELECT f.studio_id, f.rating, sum(p.amount) AS revenue FROM payment AS p"
                        + " JOIN rental AS r ON r.id = p.rental_id JOIN film AS f ON f.id = r.film_id"
                        + " GROUP BY f.studio_id, f.rating ORDER BY revenue DESC, 1, 2 LIMIT 8",
                db.from(Payment.class)
                        .join(Rental.class, Cinema_Rental_.id.eq(Cinema_Payment_.rentalId))
                        .join(Film.class, Cinema_Film_.id.eq(Cinema_Rental_.filmId))
                        .groupBy(Cinema_Film_.studioId, Cinema_Film_.rating)
                        .orderBy(revenue.desc(), Cinema_Film_.studioId.asc(), Cinema_Film_.rating.asc())
                        .limit(8)
                        .selectTuple(Cinema_Film_.studioId, Cinema_Film_.rating, revenue));
    }

    // ---- LATERAL and JOIN USING ------------------------------------------------------------------------------------

    @Test
    void q51TwoLatestRentalsPerCustomerThroughALateralSubquery() {
        DerivedTable<Tuple> latest = DerivedTable.lateral(
                "latest",
                db.from(Rental.class)
                        .where(Cinema_Rental_.customerId.eq(Cinema_Customer_.id))
                        .orderBy(Cinema_Rental_.rentedAt.desc(), Cinema_Rental_.id.asc())
                        .limit(2)
                        .selectTuple(Cinema_Rental_.filmId, Cinema_Rental_.rentedAt));
        same(
                "SELECT c.name, l.film_id, l.rented_at FROM customer AS c CROSS JOIN LATERAL (SELECT r.film_id,"
                        + " r.rented_at FROM rental AS r WHERE r.customer_id = c.id ORDER BY r.rented_at DESC, r.id"
                        + " LIMIT 2) AS l WHERE c.id <= 6 ORDER BY c.id, l.rented_at DESC",
                db.from(Customer.class)
                        .crossJoin(latest)
                        .where(Cinema_Customer_.id.le(6L))
                        .orderBy(
                                Cinema_Customer_.id.asc(),
                                latest.get(Cinema_Rental_.rentedAt).desc())
                        .selectTuple(
                                Cinema_Customer_.name,
                                latest.get(Cinema_Rental_.filmId),
                                latest.get(Cinema_Rental_.rentedAt)));
    }

    @Test
    void q52CustomersWithoutPaymentsThroughALeftLateralJoin() {
        DerivedTable<Tuple> paid = DerivedTable.lateral(
                "paid",
                db.from(Payment.class)
                        .where(Cinema_Payment_.customerId.eq(Cinema_Customer_.id))
                        .selectTuple(
                                Expressions.sumDecimal(Cinema_Payment_.amount).as("total")));
        same(
                "SELECT c.id, p.total FROM customer AS c LEFT JOIN LATERAL (SELECT sum(amount) AS total FROM payment"
                        + " WHERE payment.customer_id = c.id) AS p ON TRUE WHERE c.id % 4 = 0 ORDER BY c.id",
                db.from(Customer.class)
                        .leftJoin(paid, Expressions.literal(true).isTrue())
                        .where(Cinema_Customer_.id.mod(4L).eq(0L))
                        .orderBy(Cinema_Customer_.id.asc())
                        .selectTuple(Cinema_Customer_.id, paid.column("total", BigDecimal.class)));
    }

    @Test
    void q53ReviewsOfRentedFilmsThroughJoinUsing() {
        same(
                "SELECT count(*), count(DISTINCT film_id) FROM rental JOIN review USING (customer_id, film_id)",
                db.from(Rental.class)
                        .joinUsing(Review.class, Cinema_Review_.customerId, Cinema_Review_.filmId)
                        .selectTuple(count(), Expressions.countDistinct(Cinema_Review_.filmId)));
    }
}
