package io.databridge.autoconfigure;

import io.databridge.mapping.EntityMappingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains an entity data-bridge cannot map at startup. For a property type without a codec, the fix is the Spring
 * Boot way: a {@link DataBridgeBuilderCustomizer} bean that registers one. Runs before the repository analyzer, which
 * sees the same failure when a repository's entity is the one that cannot be mapped.
 */
final class EntityMappingFailureAnalyzer extends AbstractFailureAnalyzer<EntityMappingException> implements Ordered {

    private static final String UNSUPPORTED = "unsupported type ";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EntityMappingException cause) {
        String message = String.valueOf(cause.getMessage());
        int at = message.indexOf(UNSUPPORTED);
        if (at < 0) {
            return new FailureAnalysis(
                    "data-bridge cannot map an entity: " + message, "Change the entity as the message says.", cause);
        }
        String typeName = message.substring(at + UNSUPPORTED.length()).split("[:\\s]", 2)[0];
        String simpleName = typeName.substring(typeName.lastIndexOf('.') + 1);
        return new FailureAnalysis(
                "data-bridge cannot map an entity: " + message,
                "Register a TypeCodec for " + typeName + " with a DataBridgeBuilderCustomizer bean:\n\n"
                        + "    @Bean\n"
                        + "    DataBridgeBuilderCustomizer " + beanName(simpleName) + "Codec() {\n"
                        + "        return builder -> builder.codecs(TypeCodecs.builder().register(" + simpleName
                        + ".class, new " + simpleName + "Codec()).build());\n"
                        + "    }\n\n"
                        + "or mark the property @Json to store it as jsonb (docs/entities.md, \"Your own types\").",
                cause);
    }

    /** {@code uri} for {@code URI}, {@code inetAddress} for {@code InetAddress}, {@code url} for {@code URL}. */
    private static String beanName(String simpleName) {
        int upper = 0;
        while (upper < simpleName.length() && Character.isUpperCase(simpleName.charAt(upper))) {
            upper++;
        }
        int lower = upper == simpleName.length() || upper <= 1 ? upper : upper - 1;
        return simpleName.substring(0, Math.max(lower, 1)).toLowerCase(java.util.Locale.ROOT)
                + simpleName.substring(Math.max(lower, 1));
    }

    /** Ahead of the repository analyzer, whose advice is about the method rather than the entity. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
