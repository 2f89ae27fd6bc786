package io.databridge.faults;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures everything the loggers {@code io.databridge} and {@code org.postgresql} write during one test, at every
 * level down to TRACE, and keeps it off the console.
 */
final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private static final String[] LOGGERS = {"io.databridge", "org.postgresql", "com.zaxxer.hikari"};

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Level> previous = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.list.clear();
        appender.start();
        previous.clear();
        for (String name : LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            previous.add(logger.getLevel());
            logger.setLevel(Level.TRACE);
            logger.setAdditive(false);
            logger.addAppender(appender);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int i = 0; i < LOGGERS.length; i++) {
            Logger logger = (Logger) LoggerFactory.getLogger(LOGGERS[i]);
            logger.detachAppender(appender);
            logger.setLevel(previous.get(i));
            logger.setAdditive(true);
        }
        appender.stop();
    }

    /** Every captured line: the logger, the level, the message, and the messages of the attached exceptions. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder()
                    .append(event.getLoggerName())
                    .append(' ')
                    .append(event.getLevel())
                    .append(' ')
                    .append(event.getFormattedMessage());
            for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
                line.append(" | ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
                for (IThrowableProxy suppressed : proxy.getSuppressed()) {
                    line.append(" | suppressed ")
                            .append(suppressed.getClassName())
                            .append(": ")
                            .append(suppressed.getMessage());
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The captured lines of the logger {@code io.databridge.error} that mention the error id. */
    List<String> linesWith(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }
}
