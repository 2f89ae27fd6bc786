package io.databridge.relation;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

@Table(name = "order_lines")
public record OrderLine(@Id @GeneratedValue Long id, String product, int quantity) {

    public static OrderLine of(String product, int quantity) {
        return new OrderLine(null, product, quantity);
    }
}
