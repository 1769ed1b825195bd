package io.espgen.generator.model;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.ConnectionError;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.Pin;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;
import io.espgen.dsl.Timers;
import io.espgen.dsl.WiFi;

/** The qualified names of the DSL's types, as the processor and the translator compare them: spelled once. */
public final class DslTypes {

    private DslTypes() {}

    public static final String TCP_SERVER = TcpServer.class.getName();
    public static final String WIFI = WiFi.class.getName();
    public static final String FRAMED = Framed.class.getName();
    public static final String CONNECTION = Connection.class.getName();
    public static final String BYTES = Bytes.class.getName();
    public static final String CONNECTION_ERROR = ConnectionError.class.getName();
    public static final String LOG = Log.class.getName();
    public static final String PIN = Pin.class.getName();
    public static final String TEXT = Text.class.getName();
    public static final String TIMERS = Timers.class.getName();
    public static final String MATH = Math.class.getName();
    public static final String STRING = String.class.getName();
}
