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
// the credentials are in their header (the owner's only) and nowhere else the build wrote but the objects
def secrets = new File(espgen, 'secrets/espgen_secrets.h')
assert secrets.text.contains('#define ESPGEN_WIFI_SSID "it-network"')
assert secrets.text.contains('#define ESPGEN_WIFI_PASSWORD "It-Station-Pa55word"')
assert secrets.text.contains('#define ESPGEN_WIFI_AP_PASSWORD "It-Fallback-Pa55word"')
assert java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(secrets.toPath())) == 'rw-------'
def leaks = []
new File(basedir, 'target').eachFileRecurse { f ->
    if (f.isFile() && f != secrets && !f.name.endsWith('.o')) {
        def text = new String(f.bytes, 'ISO-8859-1')
        ['It-Station-Pa55word', 'It-Fallback-Pa55word'].each { if (text.contains(it)) leaks << f }
    }
}
assert leaks.isEmpty() : "the passwords leaked into $leaks"
assert !log.contains('Pa55word')
assert !log.contains('no Wi-Fi network given')
return true
