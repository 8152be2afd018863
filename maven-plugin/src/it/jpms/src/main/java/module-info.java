module com.example.jpms {
  // lineprof-runtime's module name (the Automatic-Module-Name of its jar)
  requires static io.github.lineprof.runtime;
  exports com.example.jpms;
}
