module com.example.jpms {
  // lineprof-runtime's module name (its jar has no Automatic-Module-Name yet: derived from the file name)
  requires static lineprof.runtime;
  exports com.example.jpms;
}
