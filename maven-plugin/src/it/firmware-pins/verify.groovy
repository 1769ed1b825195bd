// a server with an interrupt handler: its server file is the only one with IRAM, and the report shows it
def espgen = new File(basedir, 'target/espgen')
['doorbell/doorbell.o', 'runtime/espgen_gpio.o', 'runtime/espgen_server.o', 'user_main.o'].each {
    assert new File(espgen, "obj/$it").isFile() : "no object $it"
}
def report = new File(espgen, 'size-report.txt').text
def iram = (report =~ /IRAM: .*\(used (\d+) bytes from 8192 bytes\)/)
assert iram.find() : report
assert (iram.group(1) as int) > 0 : report
assert report =~ /(?m)^doorbell\/doorbell\.c +[1-9]\d* +\d+ +\d+$/ : report
assert report =~ /(?m)^runtime\/espgen_gpio\.c +0 +\d+ +\d+$/ : report
assert report =~ /(?m)^user_main\.c +0 +\d+ +\d+$/ : report
return true
