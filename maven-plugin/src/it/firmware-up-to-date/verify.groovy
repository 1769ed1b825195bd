// the first build compiles every file; the second, with nothing changed, compiles nothing and says so
def lines = new File(basedir, 'build.log').readLines()
def compiled = lines.findIndexValues { it.contains('espgen: compiled ') }
def upToDate = lines.findIndexValues { it.contains('espgen: firmware up to date (') }
assert compiled.size() == 1 : lines.findAll { it.contains('espgen:') }
assert upToDate.size() == 1 : lines.findAll { it.contains('espgen:') }
assert lines[(int) compiled[0]] =~ /espgen: compiled (\d+) of \1 C files/
assert lines[(int) upToDate[0]] =~ /espgen: firmware up to date \(\d+ C files\)/
assert upToDate[0] > compiled[0]
return true
