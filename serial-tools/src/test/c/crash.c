/*
 * A stand-in firmware for the crash decoder's tests, linked at the flash-mapped address where a firmware's code
 * lives. Its functions are shaped like generated ones: a head comment naming the Java handler, and, last, a
 * function compiled with #line directives (-Aespgen.lineDirectives=true).
 */
int espgen_dispatch(int *p);

/* @OnReceive EchoServer.echo(Connection c, Session s, Bytes data), EchoServer.java:26 */
int echo_server_echo(int *p)
{
	return p[3] + 1;
}

int espgen_dispatch(int *p)
{
	return echo_server_echo(p) * 2;
}

void entry(void)
{
	espgen_dispatch(0);
}

/* @OnConnect EchoServer.hello(Connection c, Session s), EchoServer.java:21 */
int echo_server_hello(int *p)
{
#line 22 "EchoServer.java"
	return p[5];
}
