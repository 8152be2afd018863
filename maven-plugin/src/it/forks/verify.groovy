// Three test JVMs, each with its own folder under the user's output; report merged all three.
import groovy.json.JsonSlurper

def jvms = new File(basedir, 'target/elsewhere').listFiles().findAll { it.name ==~ /jvm-\d+/ }
assert jvms.size() == 3 : jvms
jvms.each { assert new File(it, 'report.json').isFile() : it }
assert !new File(basedir, 'target/lineprof/surefire').exists()

def report = new JsonSlurper().parse(new File(basedir, 'target/lineprof/report.json'))
assert report.runs.size() == 3
def count = report.functions.find { it.name == 'Counter.count' }
assert count != null : report.functions*.name
// three calls of count(10): the loop header 3 x 11, the body 3 x 10
assert count.hits[count.lines.findIndexOf { it.contains('for (int i = 0;') }] == 33
assert count.hits[count.lines.findIndexOf { it.contains('sum += i;') }] == 30
return true
