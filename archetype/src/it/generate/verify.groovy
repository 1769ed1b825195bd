// the generated project: the server and its test in the package asked for, the versions of this build, and
// its test run (it started the firmware on the host and talked to it)
def project = new File(basedir, 'my-device')
def pom = new File(project, 'pom.xml').text
assert pom.contains('<artifactId>my-device</artifactId>')
assert pom.contains('<groupId>com.example</groupId>')
assert !pom.contains('@project.version@') && !pom.contains('@junit.version@')
assert pom =~ /<espgen.version>\d+\.\d+\.\d+(-SNAPSHOT)?<\/espgen.version>/
assert new File(project, 'src/main/java/com/example/device/HelloServer.java').text
        .startsWith('package com.example.device;')
assert new File(project, 'README.md').text.startsWith('# my-device')
// once per target: the firmware built for the NONOS SDK, then for ESP8266_RTOS_SDK (espgen.target)
['nonos', 'rtos'].each { target ->
    def report = new File(project, "target/surefire-reports/TEST-com.example.device.HelloServerTest-${target}.xml")
    assert report.isFile() : "the generated test did not run for ${target}"
    def suite = report.text.readLines().find { it.contains('<testsuite ') }
    ['tests="1"', 'failures="0"', 'errors="0"', 'skipped="0"'].each { assert suite.contains(it) : suite }
}
assert new File(project, 'target/generated-sources/annotations/espgen/user_main.c').isFile()
return true
