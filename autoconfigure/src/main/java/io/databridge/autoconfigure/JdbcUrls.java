package io.databridge.autoconfigure;

/** Makes JDBC URLs safe to log: no user info, no query string (pgjdbc accepts {@code ?password=} there). */
final class JdbcUrls {

    private JdbcUrls() {}

    static String withoutCredentials(String url) {
        String safe = url;
        int query = safe.indexOf('?');
        if (query >= 0) {
            safe = safe.substring(0, query);
        }
        int scheme = safe.indexOf("//");
        int at = safe.lastIndexOf('@');
        if (scheme >= 0 && at > scheme) {
            safe = safe.substring(0, scheme + 2) + safe.substring(at + 1);
        }
        return safe;
    }
}
