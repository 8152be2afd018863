// A named module's tests ran on the module path under the agent, and the report has the expected Hits.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
def report = new JsonSlurper().parse(new File(basedir, 'target/lineprof/report.json'))
def f = report.functions.find { it.name == 'Fib.fib' }
assert f != null : report.functions*.name
// fib(10) and fib(20): 30 iterations
assert f.hits[f.lines.findIndexOf { it.contains('long next = a + b;') }] == 30
assert f.hits[f.lines.findIndexOf { it.contains('return a;') }] == 2
return true
