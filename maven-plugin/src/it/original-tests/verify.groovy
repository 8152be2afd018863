// mode=original for the tests: surefire's tests ran twice, first under the agent for the hits,
// then on the untouched classes under the flight recorder, and report timed the hits with the
// second run. The sleeping line's time is JFR's measured sleep, so it is known: 10 x 40 ms.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('forked VM terminated')
// the first run's test JVM under the agent, the second one under the recorder
assert log.findAll('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed').size() == 2 : log
assert log.contains('lineprof: mode=original: running the tests again on the untouched classes')
assert log.contains("mode=original runs surefire's tests twice, not failsafe's integration tests")
// the second run's test results went beside its recording, not over the first run's
assert new File(basedir, 'target/surefire-reports/TEST-com.example.WaitsTest.xml').isFile()
assert new File(basedir, 'target/lineprof/original/surefire-reports/TEST-com.example.WaitsTest.xml').isFile()

def report = new JsonSlurper().parse(new File(basedir, 'target/lineprof/report.json'))
assert report.runs.size() == 1
def run = report.runs[0]
assert run.mode == 'original'
assert run.time_source.startsWith('JFR events of the original') : run.time_source
def f = report.functions.find { it.name == 'Waits.spinThenSleep' }
assert f != null : report.functions*.name
def line = { String text -> f.lines.findIndexOf { it.contains(text) } }
assert f.hits[line('Thread.sleep(40);')] == 10
assert f.hits[line('sum += Long')] == 20_000_000
def sleptMs = f.nanos[line('Thread.sleep(40);')] / 1e6
assert sleptMs > 400 * 0.95 && sleptMs < 400 * 1.25 : sleptMs
assert f.nanos[line('sum += Long')] > 0
assert f.samples[line('sum += Long')] > 0
assert new File(basedir, 'target/lineprof/report.txt').text.contains('Function: Waits.spinThenSleep')
return true
