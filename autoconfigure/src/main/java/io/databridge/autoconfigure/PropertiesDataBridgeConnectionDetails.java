package io.databridge.autoconfigure;

import org.jspecify.annotations.Nullable;

/** {@link DataBridgeConnectionDetails} from {@code data-bridge.datasource.*}. */
final class PropertiesDataBridgeConnectionDetails implements DataBridgeConnectionDetails {

    private final DataBridgeProperties.Datasource datasource;

    PropertiesDataBridgeConnectionDetails(DataBridgeProperties properties) {
        this.datasource = properties.getDatasource();
    }

    @Override
    public String getJdbcUrl() {
        String url = datasource.getUrl();
        if (url == null || url.isBlank()) {
            throw new InvalidDataBridgePropertyException(
                    DatabaseUrlConditions.DATA_BRIDGE_URL, DatabaseUrlConditions.DATA_BRIDGE_URL + " is not set");
        }
        return url;
    }

    @Override
    public @Nullable String getUsername() {
        return datasource.getUsername();
    }

    @Override
    public @Nullable String getPassword() {
        return datasource.getPassword();
    }
}
