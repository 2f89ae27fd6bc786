package io.databridge.autoconfigure;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.util.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where the pool's user and password come from, checked once at startup: a {@link DataBridgeCredentialsProvider}
 * bean (asked for each new connection), {@code data-bridge.datasource.password-file} (read for each new connection),
 * or {@code username}/{@code password}. A password written in the JDBC URL is refused: pgjdbc and HikariCP log URLs
 * at DEBUG, and the URL reaches health details and error messages. No message names a password or the URL that holds
 * one. Immutable.
 */
final class PoolCredentials {

    private static final String URL_PROPERTY = "data-bridge.datasource.url";
    private static final String PASSWORD_FILE_PROPERTY = "data-bridge.datasource.password-file";

    private final @Nullable String username;
    private final @Nullable String password;
    private final @Nullable Path passwordFile;
    private final @Nullable DataBridgeCredentialsProvider provider;

    private PoolCredentials(
            @Nullable String username,
            @Nullable String password,
            @Nullable Path passwordFile,
            @Nullable DataBridgeCredentialsProvider provider) {
        this.username = username;
        this.password = password;
        this.passwordFile = passwordFile;
        this.provider = provider;
    }

    /** User and password given as they are (the embedded server, a connection-details bean). */
    static PoolCredentials of(String url, @Nullable String username, @Nullable String password) {
        return of(url, username, password, null, null);
    }

    /**
     * Checks and keeps where credentials come from.
     *
     * @throws InvalidDataBridgePropertyException for a password in the URL, both a password and a password file, or
     *     a password file that cannot be read
     */
    static PoolCredentials of(
            String url,
            @Nullable String username,
            @Nullable String password,
            @Nullable Path passwordFile,
            @Nullable DataBridgeCredentialsProvider provider) {
        refusePasswordIn(url);
        if (passwordFile != null) {
            if (password != null && !password.isEmpty()) {
                throw new InvalidDataBridgePropertyException(
                        PASSWORD_FILE_PROPERTY,
                        "data-bridge.datasource.password and " + PASSWORD_FILE_PROPERTY + " are both set; keep one");
            }
            read(passwordFile);
        }
        return new PoolCredentials(username, password, passwordFile, provider);
    }

    /** Applies the credentials to the pool's configuration, before the pool starts. */
    void applyTo(HikariConfig config) {
        if (username != null) {
            config.setUsername(username);
        }
        DataBridgeCredentialsProvider custom = provider;
        Path file = passwordFile;
        if (custom != null) {
            config.setCredentialsProvider(() -> {
                DataBridgeCredentialsProvider.Credentials given = custom.credentials();
                return Credentials.of(given.username() != null ? given.username() : username, given.password());
            });
        } else if (file != null) {
            config.setCredentialsProvider(() -> Credentials.of(username, read(file)));
        } else if (password != null) {
            config.setPassword(password);
        }
    }

    /** Refuses {@code ?password=} (or {@code &password=}) and {@code user:password@host} in a JDBC URL. */
    static void refusePasswordIn(String url) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                if (parameter.toLowerCase(Locale.ROOT).startsWith("password=")) {
                    throw passwordInUrl();
                }
            }
        }
        String authority = query >= 0 ? url.substring(0, query) : url;
        int scheme = authority.indexOf("//");
        int at = authority.lastIndexOf('@');
        if (scheme >= 0 && at > scheme && authority.substring(scheme + 2, at).contains(":")) {
            throw passwordInUrl();
        }
    }

    private static InvalidDataBridgePropertyException passwordInUrl() {
        return new InvalidDataBridgePropertyException(
                URL_PROPERTY,
                URL_PROPERTY + " contains a password; the driver and the pool log URLs at DEBUG, so remove it from the"
                        + " URL and set data-bridge.datasource.password, or " + PASSWORD_FILE_PROPERTY
                        + " for a mounted secret, or define a DataBridgeCredentialsProvider bean");
    }

    /** The file's text without one trailing line break; the message of a failure names the file, not its content. */
    static String read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException ex) {
            throw new InvalidDataBridgePropertyException(
                    PASSWORD_FILE_PROPERTY,
                    PASSWORD_FILE_PROPERTY + " " + file + " cannot be read ("
                            + ex.getClass().getSimpleName() + "); mount the secret there or fix the path");
        }
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
