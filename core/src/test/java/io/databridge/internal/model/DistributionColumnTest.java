package io.databridge.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.mapping.Distributed;
import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.Id;
import io.databridge.mapping.NamingStrategy;
import io.databridge.mapping.Table;
import io.databridge.types.TypeCodecs;
import org.junit.jupiter.api.Test;

/** The entity model carries the distribution column of a sharded table, and rejects one that names no property. */
class DistributionColumnTest {

    private final EntityModels models = new EntityModels(TypeCodecs.defaults(), NamingStrategy.SNAKE_CASE);

    @Table(name = "tenant_orders")
    @Distributed(by = "tenantId")
    record TenantOrder(@Id Long id, Long tenantId, String note) {}

    @Table(name = "plain_orders")
    record PlainOrder(@Id Long id, String note) {}

    @Table(name = "misnamed_orders")
    @Distributed(by = "tenant")
    record MisnamedOrder(@Id Long id, Long tenantId) {}

    @Test
    void aDistributedEntityCarriesItsDistributionColumn() {
        assertThat(models.get(TenantOrder.class).distributionColumn())
                .map(PropertyModel::columnName)
                .contains("tenant_id");
    }

    @Test
    void anEntityWithoutTheAnnotationHasNone() {
        assertThat(models.get(PlainOrder.class).distributionColumn()).isEmpty();
    }

    @Test
    void aDistributionColumnNamingNoPropertyFailsWithTheChoices() {
        assertThatThrownBy(() -> models.get(MisnamedOrder.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map " + MisnamedOrder.class.getName()
                        + ": @Distributed(by = \"tenant\") names no persistent property; name one of [id, tenantId]");
    }
}
