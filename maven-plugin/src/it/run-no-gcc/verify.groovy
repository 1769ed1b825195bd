def log = new File(basedir, 'build.log').text
def expected = 'espgen: C compiler \'espgen-no-such-cc\' not found: the host emulation needs gcc on the PATH ' +
        '(Debian: apt-get install gcc), or -Despgen.host.cc=<compiler>'
def lines = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert lines.size() == 1 : lines
assert lines[0].contains(expected) : lines[0]
assert !log.contains('did not build') : 'a missing compiler is not a failed build'
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'a stack trace in the log'
return true
