package io.databridge.migration;

import io.databridge.internal.migration.ScriptName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * One script found in the locations: {@code V<version>__<description>.sql} applies a version, {@code
 * U<version>__<description>.sql} undoes it. The checksum is a CRC32 of the text with line endings normalized, so a
 * checkout with other line endings does not look changed. Immutable.
 */
record MigrationScript(
        MigrationVersion version, String description, String name, String sql, int checksum, boolean undo) {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Scripts of the locations, applying ones and undoing ones, each list in version order. */
    record Found(List<MigrationScript> up, Map<MigrationVersion, MigrationScript> undo) {}

    static Found load(ResourcePatternResolver resolver, List<String> locations, boolean locationsRequired) {
        Map<MigrationVersion, MigrationScript> up = new LinkedHashMap<>();
        Map<MigrationVersion, MigrationScript> undo = new LinkedHashMap<>();
        for (String location : locations) {
            Resource[] resources;
            try {
                resources = resolver.getResources(pattern(location));
            } catch (IOException ex) {
                throw new MigrationException("Cannot list the migration scripts in " + location + ": " + ex, ex);
            }
            if (locationsRequired && resources.length == 0 && !exists(resolver, location)) {
                throw new MigrationException(
                        "The migration location " + location + " does not exist; create it, or fix the location", null);
            }
            for (Resource resource : resources) {
                String name = resource.getFilename();
                if (name == null) {
                    continue;
                }
                ScriptName parsed = ScriptName.parse(name);
                if (parsed == null) {
                    LOG.warn("Ignoring {} in {}: migration scripts are named " + ScriptName.PATTERN, name, location);
                    continue;
                }
                MigrationVersion version;
                try {
                    version = MigrationVersion.parse(parsed.version());
                } catch (IllegalArgumentException ex) {
                    throw new MigrationException(
                            "Migration script " + name + " in " + location + ": " + ex.getMessage(), ex);
                }
                String sql = read(resource);
                MigrationScript script =
                        new MigrationScript(version, parsed.description(), name, sql, checksum(sql), parsed.undo());
                Map<MigrationVersion, MigrationScript> target = script.undo() ? undo : up;
                MigrationScript previous = target.putIfAbsent(version, script);
                if (previous != null) {
                    throw new MigrationException(
                            "Two migration scripts have version " + version + ": " + previous.name() + " and " + name
                                    + "; give each version one script",
                            null);
                }
            }
        }
        List<MigrationScript> ordered = new ArrayList<>(up.values());
        ordered.sort(Comparator.comparing(MigrationScript::version));
        return new Found(List.copyOf(ordered), Map.copyOf(undo));
    }

    /** Whether the location's directory exists (it may hold no script yet). */
    private static boolean exists(ResourcePatternResolver resolver, String location) {
        String pattern = pattern(location);
        String base = pattern.substring(0, pattern.length() - "/**/*.sql".length());
        try {
            for (Resource resource : resolver.getResources(base)) {
                if (resource.exists()) {
                    return true;
                }
            }
            return false;
        } catch (IOException ex) {
            return false;
        }
    }

    /** {@code classpath:db/migration} to {@code classpath*:db/migration/**}{@code /*.sql}, and so on. */
    static String pattern(String location) {
        String base = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        if (base.startsWith("classpath:")) {
            base = "classpath*:" + base.substring("classpath:".length());
        } else if (base.startsWith("filesystem:")) {
            base = "file:" + base.substring("filesystem:".length());
        } else if (!base.contains(":")) {
            base = "classpath*:" + base;
        }
        return base + "/**/*.sql";
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException ex) {
            throw new MigrationException("Cannot read migration script " + resource.getDescription() + ": " + ex, ex);
        }
    }

    private static int checksum(String sql) {
        CRC32 crc = new CRC32();
        crc.update(sql.replace("\r\n", "\n").replace('\r', '\n').getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
