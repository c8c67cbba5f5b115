package dev.debrief.testing;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints one line on stderr for every skipped or aborted test (a failed assumption such as
 * "../shared is absent" or "Chromium not found"), so a passing run says why something did not run;
 * Surefire itself only counts skips. Registered for the JUnit Platform in META-INF/services.
 */
public final class SkipReporter implements TestExecutionListener {
  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    System.err.println("SKIPPED " + name(test) + ": " + reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
      System.err.println(
          "SKIPPED " + name(test) + ": " + reason.replace("Assumption failed: ", ""));
    }
  }

  private static String name(TestIdentifier test) {
    Optional<TestSource> source = test.getSource();
    if (source.isPresent() && source.get() instanceof MethodSource m) {
      return simple(m.getClassName()) + "." + m.getMethodName();
    }
    if (source.isPresent() && source.get() instanceof ClassSource c) {
      return simple(c.getClassName());
    }
    return test.getDisplayName();
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
