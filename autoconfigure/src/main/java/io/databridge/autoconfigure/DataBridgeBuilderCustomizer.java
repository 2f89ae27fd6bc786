package io.databridge.autoconfigure;

import io.databridge.DataBridge;

/**
 * Customizes the {@link DataBridge} bean before it is built, e.g. to register codecs or a naming strategy. Every
 * customizer bean is applied, in {@link org.springframework.core.annotation.Order @Order}.
 */
@FunctionalInterface
public interface DataBridgeBuilderCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, already given the data source and the shared exception translator
     */
    void customize(DataBridge.Builder builder);
}
