package io.databridge.test;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/** Keeps the application's components out of a {@link DataBridgeTest} context; repositories are scanned separately. */
final class DataBridgeTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<DataBridgeTest> {

    DataBridgeTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }
}
