package io.databridge.query;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Json;
import io.databridge.mapping.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A record entity with an array and a jsonb column. */
@Table(name = "purchases")
public record Purchase(
        @Id @GeneratedValue Long id,
        Long customerId,
        BigDecimal total,
        List<String> tags,
        @Json Map<String, Object> attributes) {

    public static Purchase of(Long customerId, String total, List<String> tags, Map<String, Object> attributes) {
        return new Purchase(null, customerId, new BigDecimal(total), tags, attributes);
    }
}
