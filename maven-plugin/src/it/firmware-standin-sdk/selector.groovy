// runs when the unit tests built the stand-in SDK (not with -DskipTests or a test filter that skipped them)
return new File(standinSdk, 'ld/eagle.app.v6.ld').isFile()
