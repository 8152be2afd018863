// JaCoCo's report, built from target/classes, matches its data: the profiled class is covered as the
// test ran it. lineprof left the class to JaCoCo and said so.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log =~ /WARNING\] lineprof: @LineProfile in test sources is not profiled \(only the module's main sources are instrumented\): \[.*GradesTest.java\]/
assert !(log =~ /do(es)? not match/) : 'JaCoCo recorded a class other than target/classes holds'

// GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
def csv = new File(basedir, 'target/site/jacoco/jacoco.csv').readLines()
def header = csv[0].split(',') as List
def grades = csv.find { it.split(',')[2] == 'Grades' }
assert grades != null : csv
def row = grades.split(',')
// grade(): 5 lines with code, the last (return "C") never ran (JaCoCo leaves out the empty private constructor);
// with the copy recorded instead, JaCoCo's data would not match target/classes and every line would be missed
assert row[header.indexOf('LINE_COVERED')].toInteger() == 4 : grades
assert row[header.indexOf('LINE_MISSED')].toInteger() == 1 : grades
// lineprof's line tables are left out of the coverage report too
assert !csv.any { it.contains('LineProf_') } : csv

assert log.contains("[WARNING] lineprof: 1 report(s) found, but no profiled line ran: the classes with an instrumented copy ran their original: 1 class left to JaCoCo's agent")
def report = new JsonSlurper().parse(new File(basedir, 'target/lineprof/report.json'))
assert report.runs[0].settings.skipped.contains("left to JaCoCo's agent") : report.runs[0].settings
return true
