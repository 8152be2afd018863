// Each module has its own report; app's aggregate sums core's and app's tests.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.count('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0\n') == 2
def read = { path -> new JsonSlurper().parse(new File(basedir, path)) }
def hits = { report, String function, String text ->
  def f = report.functions.find { it.name == function }
  assert f != null : "no ${function} in ${report.functions*.name}"
  f.hits[f.lines.findIndexOf { it.contains(text) }]
}
def words = 'words++;'
assert hits(read('core/target/lineprof/report.json'), 'Words.count', words) == 2
// app's tests swap in core's instrumented classes too (from core's jar)
def app = read('app/target/lineprof/report.json')
assert hits(app, 'Words.count', words) == 5
assert hits(app, 'Stats.total', 'total += Words.count(text);') == 3
def aggregate = read('app/target/lineprof/aggregate/report.json')
assert hits(aggregate, 'Words.count', words) == 7
assert hits(aggregate, 'Stats.total', 'total += Words.count(text);') == 3
assert aggregate.runs.size() == 2
assert !new File(basedir, 'target/lineprof').exists()
return true
