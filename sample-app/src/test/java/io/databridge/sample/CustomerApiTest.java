package io.databridge.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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

/** The sample service over HTTP, started on a random port with its own application.yml (embedded PostgreSQL). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomerApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    CustomerRepository customers;

    @Autowired
    PurchaseOrderRepository orders;

    private RestClient http;

    @BeforeEach
    void setUp() {
        orders.deleteAll();
        customers.deleteAll();
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @Test
    void createsAndReadsACustomer() {
        ResponseEntity<Map<String, Object>> created =
                post("/customers", Map.of("email", "ada@example.com", "name", "Ada"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Object id = created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasToString("/customers/" + id);

        ResponseEntity<Map<String, Object>> read = get("/customers/" + id);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("email", "ada@example.com").containsEntry("version", 0);
        assertThat(read.getBody().get("createdAt")).isNotNull();
    }

    @Test
    void unknownCustomerIsNotFound() {
        assertThat(get("/customers/999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void duplicateEmailIsAConflict() {
        post("/customers", Map.of("email", "ada@example.com", "name", "Ada"));
        ResponseEntity<Map<String, Object>> again = post("/customers", Map.of("email", "ada@example.com", "name", "A"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void pagesAreSortedByRequestAndCarryTotals() {
        for (String name : List.of("b", "d", "a", "c", "e")) {
            post("/customers", Map.of("email", name + "@example.com", "name", name));
        }
        ResponseEntity<Map<String, Object>> page = get("/customers?page=1&size=2&sort=name,desc");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> content =
                (List<Map<String, Object>>) page.getBody().get("content");
        assertThat(content).extracting(customer -> customer.get("name")).containsExactly("c", "b");
        assertThat(page.getBody().get("page"))
                .isEqualTo(Map.of("size", 2, "number", 1, "totalElements", 5, "totalPages", 3));
    }

    @Test
    void unknownSortKeyIsABadRequestAndNeverReachesSql() {
        ResponseEntity<Map<String, Object>> page = get("/customers?sort=name;DROP TABLE customers");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody().get("detail"))
                .isEqualTo("Invalid request: a value or sort key in the request cannot be used");
        assertThat(customers.count()).isZero();
    }

    @Test
    void searchesAndOrders() {
        Object id = post("/customers", Map.of("email", "ada@example.com", "name", "Ada"))
                .getBody()
                .get("id");
        post("/customers", Map.of("email", "bob@example.org", "name", "Bob"));
        assertThat(http.get().uri("/customers/search?q=example.com").retrieve().body(JSON_LIST))
                .hasSize(1);

        assertThat(post("/customers/" + id + "/orders", Map.of("total", 12.5)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("/customers/" + id + "/orders", Map.of("total", 7.5)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(http.get().uri("/customers/" + id + "/orders").retrieve().body(JSON_LIST))
                .hasSize(2);
        assertThat(http.get().uri("/customers/totals").retrieve().body(JSON_LIST))
                .containsExactly(Map.of("customerId", id, "total", 20.0));
    }

    @Test
    void orderWithANonPositiveTotalIsRejectedAndNotStored() {
        Object id = post("/customers", Map.of("email", "ada@example.com", "name", "Ada"))
                .getBody()
                .get("id");
        assertThat(post("/customers/" + id + "/orders", Map.of("total", -1)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(orders.count()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void viewsServeAnInterfaceProjectionAsJson() {
        Object id = post("/customers", Map.of("email", "ada@example.com", "name", "Ada"))
                .getBody()
                .get("id");
        Map<String, Object> bob = post("/customers", Map.of("email", "bob@example.com", "name", "Bob"))
                .getBody();
        customers.deactivate(((Number) bob.get("id")).longValue());
        ResponseEntity<Map<String, Object>> page = get("/customers/views?sort=email");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) page.getBody().get("content"))
                .containsExactly(
                        Map.of("id", id, "email", "ada@example.com", "active", true, "label", id + ":ada@example.com"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void derivedQueriesServeSearchByNameAndEmailAndThePurge() {
        post("/customers", Map.of("email", "ada@example.com", "name", "Ada"));
        post("/customers", Map.of("email", "adam@example.com", "name", "Adam"));
        Map<String, Object> bob = post("/customers", Map.of("email", "bob@example.com", "name", "Bob"))
                .getBody();
        ResponseEntity<Map<String, Object>> page = get("/customers/named?name=AD&size=1&sort=name");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) page.getBody().get("content"))
                .extracting(customer -> customer.get("name"))
                .containsExactly("Ada");
        assertThat(page.getBody().get("page"))
                .isEqualTo(Map.of("size", 1, "number", 0, "totalElements", 2, "totalPages", 2));
        assertThat(get("/customers/by-email?email=BOB@Example.com").getBody()).containsEntry("name", "Bob");
        assertThat(get("/customers/by-email?email=nobody@example.com").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/customers/named?name=a&sort=nmae").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        customers.deactivate(((Number) bob.get("id")).longValue());
        ResponseEntity<Map<String, Object>> purged =
                http.delete().uri("/customers/inactive").retrieve().toEntity(JSON);
        assertThat(purged.getBody()).containsEntry("removed", 1);
        assertThat(customers.count()).isEqualTo(2);
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return http.get().uri(path).retrieve().toEntity(JSON);
    }

    private ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JSON);
    }
}
