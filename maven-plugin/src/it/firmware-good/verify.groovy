// the echo sample cross-compiled without an SDK: objects, a size report with no generated IRAM, no image
def log = new File(basedir, 'build.log').text
def espgen = new File(basedir, 'target/espgen')

['echo_server/echo_server.o', 'runtime/espgen_server.o', 'runtime/espgen_txq.o', 'user_main.o'].each {
    assert new File(espgen, "obj/$it").isFile() : "no object $it"
}
def report = new File(espgen, 'size-report.txt').text
assert report.contains('IRAM:  [          ]   0.0% (used 0 bytes from 8192 bytes)') : report
assert report =~ /(?m)^user_main\.c +0 +\d+ +\d+$/ : report
assert report =~ /(?m)^Total +0 +\d+ +\d+$/ : report

assert log =~ /espgen: compiled \d+ of \d+ C files/
assert log.contains('espgen: no flash image made: set esp.sdkDir (-Desp.sdkDir=<dir>)')
assert !new File(espgen, 'echo-good.elf').exists()
assert !new File(espgen, 'echo-good-0x00000.bin').exists()
// esp:size ran too, on the same objects
assert log.count('espgen: size report written to') == 2
return true
