package io.databridge.internal.rules;

/** The default naming of tables and columns: Java names to snake_case. Stateless. */
public final class SnakeCase {

    private SnakeCase() {}

    /**
     * Converts a Java name to snake_case. An upper-case letter starts a new word unless it continues an acronym:
     * {@code HTTPServer} → {@code http_server}, {@code createdAt} → {@code created_at}, {@code address2} →
     * {@code address2}.
     *
     * @param name a Java identifier
     * @return the snake_case form
     */
    public static String of(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousIsLowerOrDigit =
                        i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean acronymEnds = i > 0
                        && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length()
                        && Character.isLowerCase(name.charAt(i + 1));
                if (previousIsLowerOrDigit || acronymEnds) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
