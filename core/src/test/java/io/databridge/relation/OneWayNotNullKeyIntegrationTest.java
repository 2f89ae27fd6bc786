package io.databridge.relation;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.StatementRecorder;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A one-way {@code @OneToMany} whose key column is {@code NOT NULL}: new children are inserted with their key in the
 * same statement; moving and removing children stay correct.
 */
@PostgresTest
class OneWayNotNullKeyIntegrationTest {

    private final StatementRecorder recorded;
    private final DataBridge db;

    OneWayNotNullKeyIntegrationTest(DataSource dataSource) {
        this.recorded = StatementRecorder.wrap(dataSource);
        this.db = DataBridge.builder(recorded).sanitizeErrors(false).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).sql("""
                        DROP TABLE IF EXISTS order_lines, purchase_orders CASCADE;
                        CREATE TABLE purchase_orders (id bigserial PRIMARY KEY, customer text, version integer);
                        CREATE TABLE order_lines (id bigserial PRIMARY KEY, product text, quantity integer NOT NULL,
                            order_id bigint NOT NULL REFERENCES purchase_orders (id));
                        """).update();
    }

    @BeforeEach
    void empty() {
        db.sql("TRUNCATE order_lines, purchase_orders RESTART IDENTITY").update();
        recorded.take();
    }

    /** The statements run since the last call, but the once-per-engine probe for the id sequence. */
    private List<String> taken() {
        return recorded.take().stream()
                .filter(sql -> !sql.startsWith("SELECT CASE WHEN c.relnamespace = t.relnamespace"))
                .toList();
    }

    private List<String> linesOf(long orderId) {
        return db.sql("SELECT product FROM order_lines WHERE order_id = :id ORDER BY id")
                .param("id", orderId)
                .list(String.class);
    }

    @Test
    void newChildrenAreInsertedWithTheirKey() {
        PurchaseOrder order =
                db.insert(PurchaseOrder.of("ACME", List.of(OrderLine.of("bolt", 10), OrderLine.of("nut", 20))));
        List<String> statements = taken();
        assertThat(statements).hasSize(2);
        assertThat(statements.get(1)).startsWith("WITH v AS MATERIALIZED").contains("\"order_id\"");
        assertThat(order.lines()).extracting(OrderLine::id).containsExactly(1L, 2L);
        assertThat(linesOf(order.id())).containsExactly("bolt", "nut");
    }

    @Test
    void insertAllOfManyAggregatesWritesEveryKeyInTwoStatements() {
        List<PurchaseOrder> orders = new ArrayList<>();
        for (int o = 0; o < 50; o++) {
            orders.add(PurchaseOrder.of("c" + o, List.of(OrderLine.of("a" + o, 1), OrderLine.of("b" + o, 2))));
        }
        List<PurchaseOrder> stored = db.insertAll(orders);
        assertThat(taken()).hasSize(2);
        assertThat(linesOf(stored.get(37).id())).containsExactly("a37", "b37");
    }

    @Test
    void addingChangingAndRemovingChildrenOfAStoredParent() {
        PurchaseOrder order =
                db.insert(PurchaseOrder.of("ACME", List.of(OrderLine.of("bolt", 10), OrderLine.of("nut", 20))));
        List<OrderLine> lines = new ArrayList<>(order.lines());
        lines.set(0, new OrderLine(lines.get(0).id(), "bolt", 11));
        lines.remove(1);
        lines.add(OrderLine.of("washer", 5));
        PurchaseOrder updated = db.update(order.withLines(lines));
        assertThat(updated.lines()).extracting(OrderLine::product).containsExactly("bolt", "washer");
        assertThat(linesOf(order.id())).containsExactly("bolt", "washer");
        assertThat(db.sql("SELECT quantity FROM order_lines WHERE product = 'bolt'")
                        .one(Integer.class))
                .isEqualTo(11);
    }

    @Test
    void aChildMovesBetweenParents() {
        PurchaseOrder first =
                db.insert(PurchaseOrder.of("A", List.of(OrderLine.of("bolt", 1), OrderLine.of("nut", 2))));
        PurchaseOrder second = db.insert(PurchaseOrder.of("B", List.of(OrderLine.of("gear", 3))));
        PurchaseOrder a = db.findById(PurchaseOrder.class, first.id(), "lines").orElseThrow();
        PurchaseOrder b = db.findById(PurchaseOrder.class, second.id(), "lines").orElseThrow();
        OrderLine nut = a.lines().get(1);
        List<OrderLine> bLines = new ArrayList<>(b.lines());
        bLines.add(nut);
        db.update(b.withLines(bLines));
        assertThat(linesOf(second.id())).containsExactly("nut", "gear");
        db.update(a.withLines(List.of(a.lines().get(0))));
        assertThat(linesOf(first.id())).containsExactly("bolt");
        assertThat(linesOf(second.id())).containsExactly("nut", "gear");
    }
}
