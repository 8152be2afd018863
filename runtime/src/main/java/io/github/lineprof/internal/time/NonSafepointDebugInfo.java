package io.github.lineprof.internal.time;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether the JIT keeps line numbers between safepoints. Without it, a sample of compiled code is
 * charged to the nearest safepoint (a loop's back edge, a call), so a cheap straight-line statement
 * inside a hot loop gets no time at all. It can only be switched on when the JVM starts.
 */
public final class NonSafepointDebugInfo {
  /** The JVM options that switch it on, for reports to quote when it is off. */
  public static final String JVM_OPTIONS = "-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints";

  private NonSafepointDebugInfo() {}

  /** Whether this JVM runs with {@code -XX:+DebugNonSafepoints}. */
  public static boolean isOn() {
    HotSpotDiagnosticMXBean hotSpot =
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    if (hotSpot == null) {
      return false; // not HotSpot
    }
    try {
      return Boolean.parseBoolean(hotSpot.getVMOption("DebugNonSafepoints").getValue());
    } catch (IllegalArgumentException e) {
      // Diagnostic options are invisible unless unlocked; it is off by default in product builds.
      return false;
    }
  }
}
