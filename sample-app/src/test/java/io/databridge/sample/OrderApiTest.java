package io.databridge.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.test.AutoConfigureStatementRecorder;
import io.databridge.testdb.RecordedStatements;
import io.databridge.testdb.StatementRecorder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The order aggregate over HTTP, with the number of statements each request runs: fixed, whatever the number of
 * orders and lines (no N+1), and only the changed lines written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureStatementRecorder
class OrderApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    StatementRecorder statements;

    @Autowired
    SalesOrderRepository orders;

    @Autowired
    CustomerRepository customers;

    @Autowired
    ProductRepository products;

    @Autowired
    OrderService service;

    private RestClient http;
    private long customerId;
    private final Map<String, Long> sku = new HashMap<>();

    @BeforeEach
    void setUp() {
        orders.deleteAll();
        Customer customer = customers.insert(new Customer(UUID.randomUUID() + "@example.com", "Grace"));
        customerId = java.util.Objects.requireNonNull(customer.id);
        products.findAll().forEach(product -> sku.put(product.sku(), product.id()));
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @AfterEach
    void removeOrders() {
        orders.deleteAll(); // other test classes delete the customers these orders refer to
    }

    private OrderService.LineRequest line(String product, int quantity) {
        return new OrderService.LineRequest(null, sku.get(product), quantity);
    }

    private OrderView placed(OrderService.LineRequest... lines) {
        return service.place(customerId, List.of(lines));
    }

    @Test
    void placingAnOrderReadsTheCustomerAndTheProductsAndInsertsTheOrderAndItsLines() {
        // The first bulk insert into a table in this JVM also asks the catalog for its identity sequence, once.
        placed(line("KETTLE-01", 1));
        ResponseEntity<Map<String, Object>>[] response = new ResponseEntity[1];
        RecordedStatements ran = statements.record(() -> response[0] = send(
                "POST",
                "/orders",
                Map.of(
                        "customerId",
                        customerId,
                        "lines",
                        List.of(
                                Map.of("productId", sku.get("TEA-01"), "quantity", 3),
                                Map.of("productId", sku.get("MUG-01"), "quantity", 1)))));

        assertThat(response[0].getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response[0].getBody()).containsEntry("customerName", "Grace").containsEntry("total", 23.4);
        assertThat(ran)
                .hasCount(4)
                .containsExactlyShapes(
                        "SELECT ... FROM \"customers\" WHERE \"id\" = ?",
                        "SELECT ... FROM \"products\" WHERE \"id\" = ANY(?) ORDER BY \"id\"",
                        "INSERT INTO \"sales_orders\" ...",
                        "WITH ... INSERT INTO \"order_lines\" ...");
    }

    @Test
    void readingAnOrderFetchesItsCustomerLinesAndProductsWithOneStatementEach() {
        OrderView order = placed(line("TEA-01", 1), line("MUG-01", 2), line("KETTLE-01", 1));

        ResponseEntity<Map<String, Object>>[] response = new ResponseEntity[1];
        RecordedStatements ran = statements.record(() -> response[0] = send("GET", "/orders/" + order.id(), null));

        assertThat(response[0].getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response[0].getBody()).containsEntry("customerName", "Grace");
        assertThat((List<?>) response[0].getBody().get("lines")).hasSize(3);
        assertThat(ran)
                .hasCount(4)
                .hasNoRepeatedStatements()
                .containsExactlyShapes(
                        "SELECT ... FROM \"sales_orders\" WHERE \"id\" = ? LIMIT ?",
                        "SELECT ... FROM \"customers\" t WHERE t.\"id\" = ANY(?)",
                        "SELECT ... FROM \"order_lines\" t WHERE t.\"order_id\" = ANY(?) ORDER BY t.\"id\"",
                        "SELECT ... FROM \"products\" t WHERE t.\"id\" = ANY(?)");
    }

    @Test
    void aPageOfOrdersRunsTheSameStatementsForTwoOrdersAsForTwenty() {
        for (int i = 0; i < 20; i++) {
            placed(line("TEA-01", 1 + i), line("MUG-01", 1));
        }

        RecordedStatements two = statements.record(() -> send("GET", "/orders?size=2&sort=id", null));
        RecordedStatements twenty = statements.record(() -> send("GET", "/orders?size=20&sort=id", null));

        assertThat(two).hasCount(5).hasNoRepeatedStatements();
        assertThat(twenty.sql()).isEqualTo(two.sql());
    }

    @Test
    void changingAnOrderWritesOnlyTheLinesThatChanged() {
        OrderView order = placed(line("TEA-01", 1), line("MUG-01", 2), line("TEA-01", 5));
        Long kept = order.lines().get(0).id();
        Long changed = order.lines().get(1).id();

        ResponseEntity<Map<String, Object>>[] response = new ResponseEntity[1];
        RecordedStatements ran = statements.record(() -> response[0] = send(
                "PUT",
                "/orders/" + order.id(),
                Map.of(
                        "version",
                        order.version(),
                        "lines",
                        List.of(
                                Map.of("id", kept, "productId", sku.get("TEA-01"), "quantity", 1),
                                Map.of("id", changed, "productId", sku.get("MUG-01"), "quantity", 4),
                                Map.of("productId", sku.get("KETTLE-01"), "quantity", 1)))));

        assertThat(response[0].getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ran)
                .hasCount(9)
                .hasSelectCount(5)
                .hasInsertCount(1)
                .hasUpdateCount(2)
                .hasDeleteCount(1);
        OrderView stored =
                service.find(java.util.Objects.requireNonNull(order.id())).orElseThrow();
        assertThat(stored.lines())
                .extracting(OrderView.Line::sku, OrderView.Line::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TEA-01", 1),
                        org.assertj.core.groups.Tuple.tuple("MUG-01", 4),
                        org.assertj.core.groups.Tuple.tuple("KETTLE-01", 1));
        assertThat(stored.version()).isEqualTo(order.version() + 1);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        OrderView order = placed(line("TEA-01", 1));

        ResponseEntity<Map<String, Object>> response =
                send("PUT", "/orders/" + order.id(), Map.of("version", order.version() + 7, "lines", List.of()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(service.find(java.util.Objects.requireNonNull(order.id()))
                        .orElseThrow()
                        .lines())
                .hasSize(1);
    }

    @Test
    void anUnknownProductIsABadRequest() {
        ResponseEntity<Map<String, Object>> response = send(
                "POST",
                "/orders",
                Map.of("customerId", customerId, "lines", List.of(Map.of("productId", -1, "quantity", 1))));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("detail", "There is no product -1");
    }

    @Test
    void deletingAnOrderDeletesItsLinesFirst() {
        OrderView order = placed(line("TEA-01", 1), line("MUG-01", 1));

        RecordedStatements ran = statements.record(() -> send("DELETE", "/orders/" + order.id(), null));

        assertThat(ran)
                .containsExactlyShapes(
                        "DELETE FROM \"order_lines\" ...", "DELETE FROM \"sales_orders\" WHERE \"id\" = ?");
        assertThat(send("GET", "/orders/" + order.id(), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<Map<String, Object>> send(String method, String path, Object body) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.body(body);
        }
        return request.retrieve().toEntity(JSON);
    }
}
