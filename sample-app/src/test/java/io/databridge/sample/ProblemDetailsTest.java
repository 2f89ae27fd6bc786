package io.databridge.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * With {@code data-bridge.errors.problem-details=true} (the sample's application.yml), failures reach HTTP clients as
 * RFC 9457 problem details: the right status, a sanitized detail and an error id, never a class, table, column or
 * value.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemDetailsTest {

    private static final String ERROR_ID = "[0-9a-f]{12}";

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
    void duplicateEmailIsAConflict() {
        postCustomer("{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
        ResponseEntity<String> again = postCustomer("{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
        assertProblem(again, HttpStatus.CONFLICT, "Duplicate key: a row with the same unique key already exists");
        assertThat(again.getBody()).doesNotContain("ada@example.com");
    }

    @Test
    void tooLongEmailIsABadRequest() {
        String email = "a".repeat(290) + "@example.com";
        ResponseEntity<String> response = postCustomer("{\"email\":\"" + email + "\",\"name\":\"Ada\"}");
        assertProblem(response, HttpStatus.BAD_REQUEST, "Invalid data: a value is too long for its column type");
        assertThat(response.getBody()).doesNotContain(email);
    }

    @Test
    void missingEmailIsABadRequest() {
        assertProblem(
                postCustomer("{\"name\":\"Ada\"}"),
                HttpStatus.BAD_REQUEST,
                "Not-null constraint violated: a required value is missing");
    }

    @Test
    void nulCharacterIsABadRequestWithoutInternalNames() {
        ResponseEntity<String> response = postCustomer("{\"email\":\"ada@example.com\",\"name\":\"A\\u0000da\"}");
        assertProblem(
                response, HttpStatus.BAD_REQUEST, "Invalid request: a value or sort key in the request cannot be used");
        assertThat(response.getBody()).doesNotContain("io.databridge").doesNotContain("Customer");
    }

    @Test
    void unknownSortKeyIsABadRequest() {
        ResponseEntity<String> response = http.get()
                .uri("/customers?sort=name;DROP TABLE customers")
                .retrieve()
                .toEntity(String.class);
        assertProblem(
                response, HttpStatus.BAD_REQUEST, "Invalid request: a value or sort key in the request cannot be used");
        assertThat(response.getBody()).doesNotContain("DROP");
    }

    @Test
    void unreadableJsonIsAProblemDetailWithAnErrorId() {
        ResponseEntity<String> response = postCustomer("{\"email\":");
        assertProblem(response, HttpStatus.BAD_REQUEST, "Failed to read request");
        assertThat(response.getBody()).doesNotContain("tools.jackson").doesNotContain("Exception");
    }

    @Test
    void validationErrorIsAProblemDetailWithAnErrorId() {
        ResponseEntity<String> response =
                postCustomer("{\"email\":\"ada@example.com\",\"name\":\"" + "x".repeat(101) + "\"}");
        assertProblem(response, HttpStatus.BAD_REQUEST, "Invalid request content.");
        assertThat(customers.count()).isZero();
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> body = parse(response.getBody());
        assertThat(body).containsEntry("status", status.value()).containsEntry("detail", detail);
        assertThat((String) body.get("errorId")).matches(ERROR_ID);
        assertThat(body.keySet()).isSubsetOf("type", "title", "status", "detail", "instance", "errorId");
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("io.databridge");
    }

    private ResponseEntity<String> postCustomer(String json) {
        return http.post()
                .uri("/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toEntity(String.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return new HashMap<>(tools.jackson.databind.json.JsonMapper.shared().readValue(json, Map.class));
    }
}
