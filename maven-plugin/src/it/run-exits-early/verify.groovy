def log = new File(basedir, 'build.log').text
assert log.readLines().any { it.startsWith('[ERROR] espgen-host: ') && it.contains('ESPGEN_HOST_MALLOC_FAIL_AT') } : log
def expected = 'espgen: the firmware exited (exit 1) on the host before it was ready; its messages are above'
def lines = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert lines.size() == 1 : lines
assert lines[0].contains(expected) : lines[0]
assert !log.contains('(?m)') && !log.contains('\\Q') : 'a regular expression in the log'
return true
