package io.github.lineprof.agent;

import io.github.lineprof.internal.swap.Swap;
import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.security.ProtectionDomain;

/**
 * Gives each class that has an instrumented version on its loader's class path the instrumented
 * bytes instead of its own, so any launcher (a main, surefire, JMH forks) runs the probes.
 */
final class SwapTransformer implements ClassFileTransformer {
  @Override
  public byte[] transform(ClassLoader loader, String internalName, Class<?> redefining,
      ProtectionDomain domain, byte[] original) {
    if (loader == null || internalName == null || redefining != null) {
      return null; // bootstrap classes, hidden classes, redefinitions: never ours
    }
    String binaryName = internalName.replace('/', '.');
    if (Swap.isShared(binaryName)) {
      return null;
    }
    URL instrumented = Swap.instrumented(loader, binaryName);
    return instrumented == null ? null : Swap.read(instrumented);
  }
}
