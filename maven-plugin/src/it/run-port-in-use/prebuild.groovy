// the "other program": a listener on 127.0.0.1:7444 for the whole build, closed by verify.groovy
def taken = new ServerSocket(7444, 1, InetAddress.getLoopbackAddress())
System.getProperties().put('espgen.it.portInUse', taken)
return true
