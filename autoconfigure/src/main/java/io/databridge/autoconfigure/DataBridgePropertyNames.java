package io.databridge.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Rejects a {@code data-bridge.*} key that no property of {@link DataBridgeProperties} (or of {@link
 * DataBridgeReplicaProperties}, {@link DataBridgeNPlusOneProperties}) binds, so a misspelled
 * {@code data-bridge.datasource.urll} stops startup (with a "did you mean") instead of silently leaving the application
 * on another database. The known names are read from {@link DataBridgeProperties} itself, so a new property is known
 * as soon as it exists. Not checked: {@code data-bridge.test.*} (the test-database resolver's settings) and the
 * operating-system environment, where unrelated {@code DATA_BRIDGE_*} variables may exist.
 */
final class DataBridgePropertyNames {

    static final String PREFIX = "data-bridge";

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(PREFIX);

    private static final ConfigurationPropertyName TEST_SETTINGS = ConfigurationPropertyName.of(PREFIX + ".test");

    /** Every bindable leaf (a map or list property counts as one leaf: its entries are below it). */
    private static final List<ConfigurationPropertyName> KNOWN = java.util.stream.Stream.of(
                    leaves(DataBridgeProperties.class, PREFIX),
                    leaves(DataBridgeReplicaProperties.class, PREFIX),
                    leaves(DataBridgeNPlusOneProperties.class, PREFIX + ".n-plus-one"))
            .flatMap(List::stream)
            .toList();

    private DataBridgePropertyNames() {}

    /**
     * Fails on the first {@code data-bridge.*} key in the environment that is not a data-bridge property.
     *
     * @param environment the application's environment
     * @throws InvalidDataBridgePropertyException naming the key, where it is set, and the nearest known property
     */
    static void rejectUnknown(Environment environment) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable) || isSystemEnvironment(source)) {
                continue;
            }
            for (ConfigurationPropertyName name : iterable) {
                if (ROOT.isAncestorOf(name) && !TEST_SETTINGS.isAncestorOf(name) && !isKnown(name)) {
                    throw unknown(name.toString(), origin(source));
                }
            }
        }
    }

    static InvalidDataBridgePropertyException unknown(String name, @Nullable String origin) {
        String suggestion = nearest(name);
        return new InvalidDataBridgePropertyException(
                name,
                name + " is not a data-bridge property" + (origin == null ? "" : " (set in " + origin + ")")
                        + (suggestion == null ? "" : "; did you mean " + suggestion + "?"),
                "Unknown data-bridge configuration",
                "Rename or remove " + name + ". Every data-bridge property is listed in docs/configuration.md (and"
                        + " offered by the IDE from data-bridge's configuration metadata).");
    }

    static List<String> known() {
        return KNOWN.stream().map(ConfigurationPropertyName::toString).toList();
    }

    private static boolean isKnown(ConfigurationPropertyName name) {
        for (ConfigurationPropertyName known : KNOWN) {
            if (known.equals(name) || known.isAncestorOf(name)) {
                return true;
            }
        }
        return false;
    }

    /** The known property closest in spelling, or one with the same last part under another parent. */
    private static @Nullable String nearest(String name) {
        String lastPart = name.substring(name.lastIndexOf('.') + 1);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : known()) {
            int distance = distance(name, known);
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= Math.max(2, name.length() / 6)) {
            return best;
        }
        for (String known : known()) {
            if (known.endsWith("." + lastPart)) {
                return known;
            }
        }
        return null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static boolean isSystemEnvironment(ConfigurationPropertySource source) {
        return source.getUnderlyingSource() instanceof PropertySource<?> propertySource
                && StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(propertySource.getName());
    }

    private static @Nullable String origin(ConfigurationPropertySource source) {
        return source.getUnderlyingSource() instanceof PropertySource<?> propertySource
                ? propertySource.getName()
                : null;
    }

    private static List<ConfigurationPropertyName> leaves(Class<?> type, String prefix) {
        List<ConfigurationPropertyName> leaves = new ArrayList<>();
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getReadMethod() == null || property.getName().equals("class")) {
                continue;
            }
            String name = prefix + "." + kebab(property.getName());
            Class<?> propertyType = property.getPropertyType();
            Class<?> enclosing = propertyType.getEnclosingClass();
            if (enclosing != null && enclosing.isAnnotationPresent(ConfigurationProperties.class)) {
                // A nested group of one of our properties classes (pool, errors, read-your-writes...): its leaves.
                leaves.addAll(leaves(propertyType, name));
            } else if (property.getWriteMethod() != null
                    || Map.class.isAssignableFrom(propertyType)
                    || Collection.class.isAssignableFrom(propertyType)) {
                leaves.add(ConfigurationPropertyName.of(name));
            }
        }
        return List.copyOf(leaves);
    }

    private static String kebab(String camel) {
        StringBuilder kebab = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }
}
