System.getProperties().remove('espgen.it.portInUse')?.close()
def log = new File(basedir, 'build.log').text
// the emulation says which address (host_espconn_listen.c), the plugin says what to do
assert log.contains('cannot listen on 127.0.0.1:7444 for firmware port 7777: Address already in use')
def expected = 'espgen: 127.0.0.1:7444 (firmware port 7777) is in use by another program; stop it, or serve the ' +
        'firmware\'s port elsewhere: -Desp.port=7777=8080 (or -Desp.anyPort for free ports)'
def lines = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert lines.size() == 1 : lines
assert lines[0].contains(expected) : lines[0]
assert !log.contains('(?m)') && !log.contains('\\Q') : 'a regular expression in the log'
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'a stack trace in the log'
return true
