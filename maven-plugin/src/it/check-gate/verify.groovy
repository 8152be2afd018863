// Invocation 1 passed against a baseline of the same hits; invocation 2 failed naming the loop's lines.
def log = new File(basedir, 'build.log').text
assert log.contains('lineprof: check passed against') : 'the first invocation did not pass'
assert log.contains('lineprof: Work.sum line 9: hits 501 -> 1001 (+99.8 %, counted, no test needed), beyond the LINE rule\'s 10 %')
assert log.contains('lineprof: Work.sum line 10: hits 500 -> 1000 (+100.0 %, counted, no test needed)')
assert log.contains('performance rule violation(s) against')
def md = new File(basedir, 'target/lineprof/check.md').text
assert md.startsWith('## lineprof check: failed')
assert md.contains('- Work.sum line 9: hits 501 -\\> 1001')  // Markdown-escaped
return true
