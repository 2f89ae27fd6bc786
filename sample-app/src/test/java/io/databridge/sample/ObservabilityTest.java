package io.databridge.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** data-bridge's statement timer and the pool's health, through the actuator of the running sample. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ObservabilityTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    private RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @Test
    void everyStatementIsTimedByTaskAndOutcome() {
        RestClient http = http();
        http.get().uri("/customers?page=0&size=5").retrieve().toBodilessEntity();
        ResponseEntity<Map<String, Object>> metric = http.get()
                .uri("/actuator/metrics/data-bridge.statements?tag=outcome:SUCCESS")
                .retrieve()
                .toEntity(JSON);
        assertThat(metric.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> measurements =
                (List<Map<String, Object>>) metric.getBody().get("measurements");
        assertThat(measurements)
                .anySatisfy(measurement -> assertThat(measurement)
                        .containsEntry("statistic", "COUNT")
                        .satisfies(m -> assertThat(((Number) m.get("value")).doubleValue())
                                .isPositive()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tags =
                (List<Map<String, Object>>) metric.getBody().get("availableTags");
        assertThat(tags).anySatisfy(tag -> assertThat(tag).containsEntry("tag", "data-bridge.task"));
    }

    @Test
    void healthCoversTheDatabase() {
        ResponseEntity<Map<String, Object>> health =
                http().get().uri("/actuator/health").retrieve().toEntity(JSON);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthShowsThePoolStateAsDetailsOfTheDataBridgeComponent() {
        Map<String, Object> health =
                http().get().uri("/actuator/health").retrieve().body(JSON);
        Map<String, Object> dataBridge =
                (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("dataBridge");
        assertThat(dataBridge).containsEntry("status", "UP");
        Map<String, Object> details = (Map<String, Object>) dataBridge.get("details");
        assertThat(details).containsKeys("active", "idle", "waiting", "total").containsEntry("pool", "data-bridge");
        assertThat(details).containsEntry("max", 5).containsEntry("waiting", 0);
        assertThat(details.toString()).doesNotContain("jdbc:");
    }
}
