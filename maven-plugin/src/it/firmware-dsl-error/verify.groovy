// the build fails in javac, at the Java file, line and column of the bad value, with the processor's message
def log = new File(basedir, 'build.log').text
assert log.contains('COMPILATION ERROR')
assert log =~ /example\/Bad\.java:\[5,19\] @TcpServer\(port = 70000\) is out of range: it must be 1 to 65535/ : log
// nothing was cross-compiled
assert !log.contains('espgen: compiled')
assert !new File(basedir, 'target/espgen/obj').exists()
return true
