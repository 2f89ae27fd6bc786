package io.databridge.autoconfigure;

import java.net.URL;
import java.security.CodeSource;
import org.jspecify.annotations.Nullable;

/**
 * Whether the application runs from a packaged executable jar ({@code java -jar app.jar}): its classes are loaded by
 * Spring Boot's launcher class loader, or data-bridge's own jar is nested in the application's. Development runs (the
 * IDE, {@code spring-boot:run}, tests) load classes from directories and plain jars.
 */
final class PackagedApplication {

    private static final String BOOT_LOADER = "org.springframework.boot.loader.";

    private PackagedApplication() {}

    static boolean isPackaged() {
        return isPackaged(Thread.currentThread().getContextClassLoader(), location(PackagedApplication.class));
    }

    static boolean isPackaged(@Nullable ClassLoader classLoader, @Nullable String location) {
        for (ClassLoader current = classLoader; current != null; current = current.getParent()) {
            if (current.getClass().getName().startsWith(BOOT_LOADER)) {
                return true;
            }
        }
        return location != null && location.startsWith("jar:nested:");
    }

    private static @Nullable String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? null : location.toString();
    }
}
