// The tests passed, ran under the agent, and the merged report has the expected Hits.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert !log.contains("Overwriting artifact's file")

def dir = new File(basedir, 'target/lineprof')
['report.txt', 'report.json', 'index.html', 'summary.md'].each { assert new File(dir, it).isFile() : it }
// each test JVM writes its own folder, named after its process id
def jvms = new File(dir, 'surefire').listFiles().findAll { it.name ==~ /jvm-\d+/ }
assert jvms.size() == 1 : jvms
assert new File(jvms[0], 'report.json').isFile()

def report = new JsonSlurper().parse(new File(dir, 'report.json'))
def hits = { String function, String text ->
  def f = report.functions.find { it.name == function }
  assert f != null : "no ${function} in ${report.functions*.name}"
  def i = f.lines.findIndexOf { it.contains(text) }
  assert i >= 0 : "no line '${text}' in ${function}"
  f.hits[i]
}
// total() runs 6 times (5 in totals(), 1 in receipt()), over 3 items each
assert hits('Order.total', 'sum += item.cost();') == 18
assert hits('Order.total', 'long sum = 0;') == 6
assert hits('Item.cost', 'long cost = price() * quantity();') == 18
assert hits('Order.receipt', 'out.write(') == 1
assert hits('Order.customerBytes', 'byte[] bytes =') == 1

// Each copy carries the fingerprint of the original it was built from (the swap's staleness check).
def copies = new File(basedir, 'target/classes/META-INF/lineprof/classes')
def original = new File(basedir, 'target/classes/com/example/shop/Order.class')
def fingerprint = new File(copies, 'com/example/shop/Order.class.sha256')
assert fingerprint.isFile()
assert fingerprint.text.trim() == java.security.MessageDigest.getInstance('SHA-256').digest(original.bytes).encodeHex().toString()
// Only the classes of the copied files are swapped in; AutoValue_Item, generated again for the copies'
// compile, is the original's (another processor's output may differ between two compiles).
def copied = []
copies.eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.class')) copied << it.name }
assert copied.sort() == ['Item.class', 'Order$OrderBuilder.class', 'Order.class'] : copied
return true
