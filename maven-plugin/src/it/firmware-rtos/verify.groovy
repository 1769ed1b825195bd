// the size report of esp.target=rtos: ESP8266_RTOS_SDK's regions and what holds there, none of NONOS's notes
def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'target/espgen/size-report.txt').text
assert report.startsWith("espgen firmware size: the generated code's ") : report
assert report.contains('before linking with ESP8266_RTOS_SDK (esp.target=rtos)') : report
// code and constants stay in flash; IRAM holds only system_os_post, which the pins' interrupt handlers may call
// (espgen_rtos_net.c): this server declares no pins
assert report =~ /IRAM:  \[.{10}\] +\d+\.\d% \(used [1-9]\d{0,2} bytes from 49152 bytes\)/ : report
assert report =~ /(?m)^rtos\/espgen_rtos_net\.c +[1-9]\d{0,2} +\d+ +[1-9]\d*$/ : report
assert report =~ /DRAM:  \[.{10}\] +\d+\.\d% \(used [1-9]\d* bytes from 98304 bytes\)/ : report
assert report =~ /Flash: \[.{10}\] +\d+\.\d% \(used [1-9]\d* bytes from 983024 bytes\)/ : report
assert report.contains('(iram0_0_seg: CONFIG_SOC_IRAM_SIZE') : report
assert report.contains('(dram0_0_seg: .data and .bss, then the heap') : report
assert report.contains('go to flash by default') : report
assert report.contains('is only known when its build links the image') : report
['rtos/espgen_rtos_wifi.c', 'rtos/espgen_rtos_main.c', 'echo_server/echo_server.c',
 'user_main.c'].each {
    assert report =~ /(?m)^${java.util.regex.Pattern.quote(it)} +0 +\d+ +[1-9]\d*$/ : "$it in\n$report"
}
assert !report.contains('runtime/espgen_wifi.c') : report
// none of the NONOS SDK's figures or notes
['8192', '24576', '81920', '376832', 'ICACHE_FLASH_ATTR', 'irom0', 'eagle.app'].each {
    assert !report.contains(it) : "$it in\n$report"
}
assert log.contains('espgen: size report written to')
return true
