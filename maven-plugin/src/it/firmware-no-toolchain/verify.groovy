// one line that names what is missing, where it looked, the Debian packages and the parameter; no stack trace
def log = new File(basedir, 'build.log').text
def expected = 'espgen: xtensa-lx106-elf-gcc not found in esp.toolchainDir=/nonexistent/xtensa (looked in ' +
        '/nonexistent/xtensa and /nonexistent/xtensa/bin); install the cross toolchain (Debian/Ubuntu: ' +
        'apt-get install gcc-xtensa-lx106 binutils-xtensa-lx106) or set esp.toolchainDir'
def lines = log.readLines().findAll { it.contains('xtensa-lx106-elf-gcc not found') }
assert lines.size() == 1 : lines
assert lines[0].startsWith('[ERROR] Failed to execute goal io.espgen:esp-maven-plugin:')
assert lines[0].contains(expected) : lines[0]
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'a stack trace in the log'
assert !log.contains('Caused by:')
return true
