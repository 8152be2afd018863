// Writes Big.java: big() has 4,000 lines of arithmetic, about 36 KB of bytecode, under the JVM's 64 KB;
// with a probe call on every line its copy is far over it.
def lines = (1..4000).collect { "    a = a * 31 + ${it};" }.join('\n')
def source = """package com.example.big;

import io.github.lineprof.LineProfile;

public final class Big {
  private Big() {}

  @LineProfile
  public static int big(int a) {
${lines}
    return a;
  }
}
"""
def file = new File(basedir, 'src/main/java/com/example/big/Big.java')
file.parentFile.mkdirs()
file.text = source
return true
