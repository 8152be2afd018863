// The build passed with a warning naming the copy javac refused; the other copy was profiled.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log =~ /WARNING\] lineprof: the instrumented copy of Big.java does not compile \(line \d+: code too large.*\); its classes run uninstrumented/
assert !new File(basedir, 'target/classes/META-INF/lineprof/classes/com/example/big/Big.class').exists()
def report = new JsonSlurper().parse(new File(basedir, 'target/lineprof/report.json'))
def small = report.functions.find { it.name == 'Small.twice' }
assert small != null : report.functions*.name
assert small.hits[small.lines.findIndexOf { it.contains('int b = a + a;') }] == 1
// report compared this build with the baseline, in the three forms lineprof diff writes
['diff.txt', 'diff.md', 'diff.html'].each { assert new File(basedir, "target/lineprof/${it}").isFile() : it }
assert new File(basedir, 'target/lineprof/diff.md').text.contains('Small.twice')
return true
