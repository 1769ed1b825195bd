/* app/dhcpserver.c of the stand-in SDK (sdk-host tests): empty; the real file is built for the calls others make into it */
typedef int standin_empty_unit;
