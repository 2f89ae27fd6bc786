package io.databridge.processor;

/**
 * One persistent property found by {@link EntityRules}: its Java name and the source text of its metamodel value type.
 *
 * @param name the Java property name, which is also the metamodel field name
 * @param valueType the value type as source text, primitives boxed, e.g. {@code java.util.List<java.lang.String>}
 * @param rawType the erased value type as a class literal without {@code .class}, e.g. {@code java.util.List}
 */
record MappedProperty(String name, String valueType, String rawType) {}
