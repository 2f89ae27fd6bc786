package io.databridge.error;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures what the logger {@code io.databridge.error} writes during one test, at DEBUG and above, and keeps it off
 * the console: these tests provoke hundreds of failures on purpose.
 */
final class CapturedLog implements BeforeEachCallback, AfterEachCallback {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private @Nullable Level previousLevel;

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger("io.databridge.error");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.list.clear();
        appender.start();
        Logger logger = logger();
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        logger.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger logger = logger();
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(true);
        appender.stop();
    }

    /** The one event whose message contains the error id; fails when there is none or more than one. */
    ILoggingEvent eventFor(String errorId) {
        List<ILoggingEvent> events = appender.list.stream()
                .filter(event -> event.getFormattedMessage().contains(errorId))
                .collect(Collectors.toList());
        if (events.size() != 1) {
            throw new AssertionError("Expected one log event with error id " + errorId + " but found " + events);
        }
        return events.get(0);
    }

    /** The logged message for the error id, followed by the messages of the attached exception and its causes. */
    String textFor(String errorId) {
        ILoggingEvent event = eventFor(errorId);
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
            text.append('\n').append(proxy.getClassName()).append(": ").append(proxy.getMessage());
        }
        return text.toString();
    }
}
