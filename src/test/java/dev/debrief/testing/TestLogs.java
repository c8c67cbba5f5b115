package dev.debrief.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The tests' SLF4J backend (selected with {@code -Dslf4j.provider=dev.debrief.testing.TestLogs},
 * set by the pom for surefire and failsafe): every log event is kept in memory, so a test that
 * provokes an error asserts the line it expects ({@link #lines}) instead of the run printing it
 * with its stack trace. Nothing is printed, unless {@code -Ddebrief.test.logs=print}. The last
 * {@link #KEPT} events are kept.
 */
public final class TestLogs implements SLF4JServiceProvider {
  /** One log event, its message formatted. */
  public record Event(Level level, String logger, String message, Throwable thrown, String thread) {
    /** "WARN dev.debrief.llm.LlmComposer - LLM answer failed (...)". */
    public String line() {
      return level + " " + logger + " - " + message;
    }
  }

  /**
   * Events kept: enough for the busiest test, bounded so a long run does not grow without limit.
   */
  static final int KEPT = 20_000;

  private static final ConcurrentLinkedDeque<Event> EVENTS = new ConcurrentLinkedDeque<>();
  private static final boolean PRINT = "print".equals(System.getProperty("debrief.test.logs"));

  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new BasicMDCAdapter();
  private final ILoggerFactory factory = CapturingLogger::new;

  /**
   * Lines (see {@link Event#line()}) at {@code level} or above, logged since the last {@link
   * #clear()}.
   */
  public static List<String> lines(Level atLeast) {
    List<String> out = new ArrayList<>();
    for (Event e : EVENTS) {
      if (e.level().toInt() >= atLeast.toInt()) {
        out.add(e.line());
      }
    }
    return out;
  }

  /** Forgets the events so far. */
  public static void clear() {
    EVENTS.clear();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  /**
   * Keeps events at INFO and above (DEBUG and TRACE are dropped as slf4j-simple's default does).
   */
  private static final class CapturingLogger extends AbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] args, Throwable thrown) {
      Event e =
          new Event(
              level,
              name,
              MessageFormatter.basicArrayFormat(pattern, args),
              thrown,
              Thread.currentThread().getName());
      EVENTS.add(e);
      while (EVENTS.size() > KEPT) {
        EVENTS.pollFirst();
      }
      if (PRINT) {
        System.err.println(e.line());
        if (thrown != null) {
          thrown.printStackTrace();
        }
      }
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return false;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return true;
    }
  }
}
