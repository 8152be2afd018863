package io.github.lineprof.processor;

/** A construct the processor cannot instrument faithfully; reported as a compile error. */
record Problem(long line, String construct, String advice) {
  String message(String function) {
    return "@LineProfile cannot instrument "
        + function
        + ": "
        + construct
        + " at line "
        + line
        + " is not supported. "
        + advice;
  }
}
