package example;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.Every;
import io.espgen.dsl.Framed;
import io.espgen.dsl.Log;
import io.espgen.dsl.OnFrame;
import io.espgen.dsl.OnOversize;
import io.espgen.dsl.OnSent;
import io.espgen.dsl.OversizePolicy;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/**
 * An HTTP/1.0 server: {@code GET /} is an 8 KB page kept in flash, {@code GET /status} the counters all clients
 * share, {@code GET /hello} a line of text; {@code HEAD} works on each. Every response ends the connection
 * ({@code Connection: close}), a keep-alive request included, as HTTP/1.0 allows.
 *
 * <p>The request line and the headers are {@code "\r\n"}-framed lines of at most {@link #MAX_LINE} bytes. What
 * a small device cannot take is answered and closed: a request line that is not {@code METHOD /path HTTP/1.x}
 * gets 400, a method other than GET and HEAD 501, an unknown path 404, a request line longer than
 * {@link #MAX_LINE} 414, a header line longer than that or more than {@link #MAX_HEADERS} of them 431, and a
 * request not complete {@link #REQUEST_SECONDS} seconds after the client connected (a client trickling bytes
 * to hold the connection) 408. Lines after the end of the headers (a body, pipelined requests) are ignored.
 */
@TcpServer(port = 8080, maxConnections = 4, idleTimeoutSeconds = 10, sendQueueBytes = 4096)
@Framed(delimiter = "\r\n", maxFrameBytes = HttpServer.MAX_LINE, onOversize = OversizePolicy.DISCARD)
public class HttpServer {

    /** The longest request or header line, without its "\r\n". */
    static final int MAX_LINE = 256;
    /** Header lines one request may have. */
    static final int MAX_HEADERS = 32;
    /** Seconds from connecting to the end of the headers. */
    static final int REQUEST_SECONDS = 5;

    /** Where a connection is in its request. */
    static final int REQUEST_LINE = 0;
    static final int HEADERS = 1;
    static final int ANSWERED = 2;

    /** What the request line asked for. */
    static final int ROUTE_PAGE = 1;
    static final int ROUTE_STATUS = 2;
    static final int ROUTE_HELLO = 3;

    /** The page's parts: PART_0 ... PART_7, below. */
    static final int PARTS = 8;

    // Counters all clients share (C globals): what /status shows.
    static int uptime;
    static int requests;
    static int ok;
    static int badRequests;
    static int notFound;
    static int timedOut;
    static int tooLong;
    static int tooLarge;
    static int unsupported;
    static int pagesSent;

    /** Per connection. */
    static class Request {
        int phase;
        int seconds;
        int status;
        int route;
        boolean head;
        int headers;
        int part;
        byte[] line = new byte[MAX_LINE];
        byte[] body = new byte[320];
    }

    @OnFrame
    void line(Connection c, Request r, Bytes line) {
        if (r.phase == REQUEST_LINE) {
            if (line.length() > 0) {      // empty lines before a request are allowed (RFC 9112, 2.2)
                requestLine(r, line);
            }
        } else if (r.phase == HEADERS) {
            header(c, r, line);
        }
        // ANSWERED: a body or pipelined requests, ignored; the connection closes once the answer is out
    }

    @OnOversize
    void tooLongLine(Connection c, Request r) {
        if (r.phase == REQUEST_LINE) {          // answered, as the other errors, at the end of the headers
            requests++;
            r.phase = HEADERS;
            r.status = 414;
        } else if (r.phase == HEADERS) {
            tooLarge++;
            fail(c, r, 431);
        }
    }

    /** The page's next parts, as the browser acknowledges the ones before. */
    @OnSent
    void more(Connection c, Request r) {
        if (r.route == ROUTE_PAGE && r.phase == ANSWERED && r.part < PARTS) {
            sendParts(c, r);
        }
    }

    /** The request deadline, and the uptime /status shows. */
    @Every(millis = 1000)
    void tick(Connection server) {
        uptime++;
        for (Connection o : server.connections()) {
            Request r = o.state();
            r.seconds++;
            if (r.phase != ANSWERED && r.seconds >= REQUEST_SECONDS) {
                timedOut++;
                fail(o, r, 408);
            }
        }
    }

    /**
     * METHOD SP /path SP HTTP/1.x, printable ASCII only. What it asks for is answered at the end of the headers,
     * an error too: a client gets its answer once it has sent its request, not while it is still sending.
     */
    private void requestLine(Request r, Bytes line) {
        requests++;
        r.phase = HEADERS;
        r.status = 400;
        for (byte b : line) {
            if (b < 32 || b == 127) {                   // control bytes; bytes above 127 are negative
                return;
            }
        }
        int n = line.copyTo(0, line.length(), r.line, 0);
        int sp1 = Text.indexOf(r.line, 0, n, ' ');
        int sp2 = sp1 < 0 ? -1 : Text.indexOf(r.line, sp1 + 1, n, ' ');
        if (sp1 <= 0 || sp2 < sp1 + 2 || r.line[sp1 + 1] != '/' || n - sp2 - 1 != 8
                || !Text.startsWith(r.line, sp2 + 1, n, "HTTP/1.")
                || r.line[n - 1] < '0' || r.line[n - 1] > '9') {
            return;
        }
        r.head = Text.contentEquals(r.line, 0, sp1, "HEAD");
        if (!r.head && !Text.contentEquals(r.line, 0, sp1, "GET")) {
            r.status = 501;
            return;
        }
        int query = Text.indexOf(r.line, sp1 + 1, sp2, '?');
        int end = query < 0 ? sp2 : query;
        r.status = 200;
        if (Text.contentEquals(r.line, sp1 + 1, end, "/") || Text.contentEquals(r.line, sp1 + 1, end, "/index.html")) {
            r.route = ROUTE_PAGE;
        } else if (Text.contentEquals(r.line, sp1 + 1, end, "/status")) {
            r.route = ROUTE_STATUS;
        } else if (Text.contentEquals(r.line, sp1 + 1, end, "/hello")) {
            r.route = ROUTE_HELLO;
        } else {
            r.status = 404;
        }
    }

    /** Name: value; the empty line ends the headers and the request. */
    private void header(Connection c, Request r, Bytes line) {
        if (line.length() == 0) {
            answer(c, r);
            return;
        }
        r.headers++;
        if (r.headers > MAX_HEADERS) {
            tooLarge++;
            fail(c, r, 431);
            return;
        }
        // a header is "name:" first; a line starting with a space would continue the last one (obsolete)
        if (line.indexOf(':', 0) <= 0 || line.get(0) == ' ' || line.get(0) == '\t') {
            badRequests++;
            fail(c, r, 400);
        }
    }

    private void answer(Connection c, Request r) {
        if (r.status != 200) {
            if (r.status == 400) {
                badRequests++;
            } else if (r.status == 404) {
                notFound++;
            } else if (r.status == 414) {
                tooLong++;
            } else {
                unsupported++;
            }
            fail(c, r, r.status);
            return;
        }
        r.phase = ANSWERED;
        ok++;
        Log.info("200 for route %d", r.route);
        if (r.route == ROUTE_PAGE) {
            c.send("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: ");
            c.sendDecimal(PAGE_LENGTH);
            c.send("\r\n\r\n");
            if (r.head) {
                c.close();
                return;
            }
            pagesSent++;
            sendParts(c, r);
        } else if (r.route == ROUTE_STATUS) {
            int n = status(r.body);
            c.send("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: ");
            c.sendDecimal(n);
            c.send("\r\n\r\n");
            if (!r.head) {
                c.send(r.body, 0, n);
            }
            c.close();
        } else {
            c.send("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 24\r\n\r\n");
            if (!r.head) {
                c.send("hello from the ESP8266\r\n");
            }
            c.close();
        }
    }

    /**
     * Queues the parts the send queue has room for now; {@link #more} queues the others as they are
     * acknowledged. After the last, the close: it takes effect once the queue has drained.
     */
    private void sendParts(Connection c, Request r) {
        for (int i = 0; i < PARTS && r.part < PARTS && c.canSend(partLength(r.part)); i++) {
            sendPart(c, r.part);
            r.part++;
        }
        if (r.part == PARTS) {
            c.close();
        }
    }

    /** The counters, as text/plain lines, into body; returns their length. */
    private static int status(byte[] body) {
        int n = Text.append(body, 0, "uptime_seconds ");
        n = Text.appendInt(body, n, uptime);
        n = Text.append(body, n, "\nrequests ");
        n = Text.appendInt(body, n, requests);
        n = Text.append(body, n, "\nok_200 ");
        n = Text.appendInt(body, n, ok);
        n = Text.append(body, n, "\npages_sent ");
        n = Text.appendInt(body, n, pagesSent);
        n = Text.append(body, n, "\nbad_request_400 ");
        n = Text.appendInt(body, n, badRequests);
        n = Text.append(body, n, "\nnot_found_404 ");
        n = Text.appendInt(body, n, notFound);
        n = Text.append(body, n, "\ntimeout_408 ");
        n = Text.appendInt(body, n, timedOut);
        n = Text.append(body, n, "\nuri_too_long_414 ");
        n = Text.appendInt(body, n, tooLong);
        n = Text.append(body, n, "\nheaders_too_large_431 ");
        n = Text.appendInt(body, n, tooLarge);
        n = Text.append(body, n, "\nnot_implemented_501 ");
        n = Text.appendInt(body, n, unsupported);
        n = Text.append(body, n, "\n");
        return n;
    }

    /** An error response with its status line and a one-line body, then the close. */
    private static void fail(Connection c, Request r, int status) {
        r.phase = ANSWERED;
        Log.info("%d", status);
        switch (status) {
            case 400:
                c.send("HTTP/1.0 400 Bad Request\r\n");
                break;
            case 404:
                c.send("HTTP/1.0 404 Not Found\r\n");
                break;
            case 408:
                c.send("HTTP/1.0 408 Request Timeout\r\n");
                break;
            case 414:
                c.send("HTTP/1.0 414 URI Too Long\r\n");
                break;
            case 431:
                c.send("HTTP/1.0 431 Request Header Fields Too Large\r\n");
                break;
            default:
                c.send("HTTP/1.0 501 Not Implemented\r\n");
                break;
        }
        c.send("Content-Type: text/plain\r\nConnection: close\r\nContent-Length: 4\r\n\r\n");
        c.sendDecimal(status);
        c.send("\n");
        c.close();
    }

    private static int partLength(int part) {
        switch (part) {
            case 0: return PART_0.length();
            case 1: return PART_1.length();
            case 2: return PART_2.length();
            case 3: return PART_3.length();
            case 4: return PART_4.length();
            case 5: return PART_5.length();
            case 6: return PART_6.length();
            default: return PART_7.length();
        }
    }

    private static void sendPart(Connection c, int part) {
        switch (part) {
            case 0: c.send(PART_0); break;
            case 1: c.send(PART_1); break;
            case 2: c.send(PART_2); break;
            case 3: c.send(PART_3); break;
            case 4: c.send(PART_4); break;
            case 5: c.send(PART_5); break;
            case 6: c.send(PART_6); break;
            default: c.send(PART_7); break;
        }
    }

    // The page: an ASCII chart, cut at rows into parts of about 1 KB, each sent with one send. A String
    // constant is a word-aligned array in flash; the DSL cannot send a range of one (nor of a constant
    // table), so the parts are separate constants.
    static final String PART_0 =
            "<!DOCTYPE html>\n"
            + "<html><head><meta charset=\"us-ascii\"><title>ESP8266 ASCII chart</title>\n"
            + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{borde"
            + "r:1px solid #999;padding:2px 8px;text-align:right}</style></head>\n"
            + "<body>\n"
            + "<h1>ASCII chart</h1>\n"
            + "<p>This page is about 8 KB of text kept in the chip's flash, as string constants of the "
            + "server class. The server sends it through the connection's send queue a part at a time: "
            + "it queues what the queue has room for, and the rest from <code>@OnSent</code> as the bro"
            + "wser acknowledges what it received, so a page larger than the queue never needs more hea"
            + "p than the queue's size.</p>\n"
            + "<p>See <a href=\"/status\">/status</a> for the counters all clients share.</p>\n"
            + "<table>\n"
            + "<tr><th>dec</th><th>hex</th><th>oct</th><th>binary</th><th>char</th></tr>\n"
            + "<tr><td>32</td><td>0x20</td><td>040</td><td>00100000</td><td>&#32;</td></tr>\n"
            + "<tr><td>33</td><td>0x21</td><td>041</td><td>00100001</td><td>!</td></tr>\n";
    static final String PART_1 =
            "<tr><td>34</td><td>0x22</td><td>042</td><td>00100010</td><td>&quot;</td></tr>\n"
            + "<tr><td>35</td><td>0x23</td><td>043</td><td>00100011</td><td>#</td></tr>\n"
            + "<tr><td>36</td><td>0x24</td><td>044</td><td>00100100</td><td>$</td></tr>\n"
            + "<tr><td>37</td><td>0x25</td><td>045</td><td>00100101</td><td>%</td></tr>\n"
            + "<tr><td>38</td><td>0x26</td><td>046</td><td>00100110</td><td>&amp;</td></tr>\n"
            + "<tr><td>39</td><td>0x27</td><td>047</td><td>00100111</td><td>'</td></tr>\n"
            + "<tr><td>40</td><td>0x28</td><td>050</td><td>00101000</td><td>(</td></tr>\n"
            + "<tr><td>41</td><td>0x29</td><td>051</td><td>00101001</td><td>)</td></tr>\n"
            + "<tr><td>42</td><td>0x2A</td><td>052</td><td>00101010</td><td>*</td></tr>\n"
            + "<tr><td>43</td><td>0x2B</td><td>053</td><td>00101011</td><td>+</td></tr>\n"
            + "<tr><td>44</td><td>0x2C</td><td>054</td><td>00101100</td><td>,</td></tr>\n"
            + "<tr><td>45</td><td>0x2D</td><td>055</td><td>00101101</td><td>-</td></tr>\n"
            + "<tr><td>46</td><td>0x2E</td><td>056</td><td>00101110</td><td>.</td></tr>\n"
            + "<tr><td>47</td><td>0x2F</td><td>057</td><td>00101111</td><td>/</td></tr>\n";
    static final String PART_2 =
            "<tr><td>48</td><td>0x30</td><td>060</td><td>00110000</td><td>0</td></tr>\n"
            + "<tr><td>49</td><td>0x31</td><td>061</td><td>00110001</td><td>1</td></tr>\n"
            + "<tr><td>50</td><td>0x32</td><td>062</td><td>00110010</td><td>2</td></tr>\n"
            + "<tr><td>51</td><td>0x33</td><td>063</td><td>00110011</td><td>3</td></tr>\n"
            + "<tr><td>52</td><td>0x34</td><td>064</td><td>00110100</td><td>4</td></tr>\n"
            + "<tr><td>53</td><td>0x35</td><td>065</td><td>00110101</td><td>5</td></tr>\n"
            + "<tr><td>54</td><td>0x36</td><td>066</td><td>00110110</td><td>6</td></tr>\n"
            + "<tr><td>55</td><td>0x37</td><td>067</td><td>00110111</td><td>7</td></tr>\n"
            + "<tr><td>56</td><td>0x38</td><td>070</td><td>00111000</td><td>8</td></tr>\n"
            + "<tr><td>57</td><td>0x39</td><td>071</td><td>00111001</td><td>9</td></tr>\n"
            + "<tr><td>58</td><td>0x3A</td><td>072</td><td>00111010</td><td>:</td></tr>\n"
            + "<tr><td>59</td><td>0x3B</td><td>073</td><td>00111011</td><td>;</td></tr>\n"
            + "<tr><td>60</td><td>0x3C</td><td>074</td><td>00111100</td><td>&lt;</td></tr>\n"
            + "<tr><td>61</td><td>0x3D</td><td>075</td><td>00111101</td><td>=</td></tr>\n";
    static final String PART_3 =
            "<tr><td>62</td><td>0x3E</td><td>076</td><td>00111110</td><td>&gt;</td></tr>\n"
            + "<tr><td>63</td><td>0x3F</td><td>077</td><td>00111111</td><td>?</td></tr>\n"
            + "<tr><td>64</td><td>0x40</td><td>100</td><td>01000000</td><td>@</td></tr>\n"
            + "<tr><td>65</td><td>0x41</td><td>101</td><td>01000001</td><td>A</td></tr>\n"
            + "<tr><td>66</td><td>0x42</td><td>102</td><td>01000010</td><td>B</td></tr>\n"
            + "<tr><td>67</td><td>0x43</td><td>103</td><td>01000011</td><td>C</td></tr>\n"
            + "<tr><td>68</td><td>0x44</td><td>104</td><td>01000100</td><td>D</td></tr>\n"
            + "<tr><td>69</td><td>0x45</td><td>105</td><td>01000101</td><td>E</td></tr>\n"
            + "<tr><td>70</td><td>0x46</td><td>106</td><td>01000110</td><td>F</td></tr>\n"
            + "<tr><td>71</td><td>0x47</td><td>107</td><td>01000111</td><td>G</td></tr>\n"
            + "<tr><td>72</td><td>0x48</td><td>110</td><td>01001000</td><td>H</td></tr>\n"
            + "<tr><td>73</td><td>0x49</td><td>111</td><td>01001001</td><td>I</td></tr>\n"
            + "<tr><td>74</td><td>0x4A</td><td>112</td><td>01001010</td><td>J</td></tr>\n"
            + "<tr><td>75</td><td>0x4B</td><td>113</td><td>01001011</td><td>K</td></tr>\n";
    static final String PART_4 =
            "<tr><td>76</td><td>0x4C</td><td>114</td><td>01001100</td><td>L</td></tr>\n"
            + "<tr><td>77</td><td>0x4D</td><td>115</td><td>01001101</td><td>M</td></tr>\n"
            + "<tr><td>78</td><td>0x4E</td><td>116</td><td>01001110</td><td>N</td></tr>\n"
            + "<tr><td>79</td><td>0x4F</td><td>117</td><td>01001111</td><td>O</td></tr>\n"
            + "<tr><td>80</td><td>0x50</td><td>120</td><td>01010000</td><td>P</td></tr>\n"
            + "<tr><td>81</td><td>0x51</td><td>121</td><td>01010001</td><td>Q</td></tr>\n"
            + "<tr><td>82</td><td>0x52</td><td>122</td><td>01010010</td><td>R</td></tr>\n"
            + "<tr><td>83</td><td>0x53</td><td>123</td><td>01010011</td><td>S</td></tr>\n"
            + "<tr><td>84</td><td>0x54</td><td>124</td><td>01010100</td><td>T</td></tr>\n"
            + "<tr><td>85</td><td>0x55</td><td>125</td><td>01010101</td><td>U</td></tr>\n"
            + "<tr><td>86</td><td>0x56</td><td>126</td><td>01010110</td><td>V</td></tr>\n"
            + "<tr><td>87</td><td>0x57</td><td>127</td><td>01010111</td><td>W</td></tr>\n"
            + "<tr><td>88</td><td>0x58</td><td>130</td><td>01011000</td><td>X</td></tr>\n"
            + "<tr><td>89</td><td>0x59</td><td>131</td><td>01011001</td><td>Y</td></tr>\n";
    static final String PART_5 =
            "<tr><td>90</td><td>0x5A</td><td>132</td><td>01011010</td><td>Z</td></tr>\n"
            + "<tr><td>91</td><td>0x5B</td><td>133</td><td>01011011</td><td>[</td></tr>\n"
            + "<tr><td>92</td><td>0x5C</td><td>134</td><td>01011100</td><td>\\</td></tr>\n"
            + "<tr><td>93</td><td>0x5D</td><td>135</td><td>01011101</td><td>]</td></tr>\n"
            + "<tr><td>94</td><td>0x5E</td><td>136</td><td>01011110</td><td>^</td></tr>\n"
            + "<tr><td>95</td><td>0x5F</td><td>137</td><td>01011111</td><td>_</td></tr>\n"
            + "<tr><td>96</td><td>0x60</td><td>140</td><td>01100000</td><td>`</td></tr>\n"
            + "<tr><td>97</td><td>0x61</td><td>141</td><td>01100001</td><td>a</td></tr>\n"
            + "<tr><td>98</td><td>0x62</td><td>142</td><td>01100010</td><td>b</td></tr>\n"
            + "<tr><td>99</td><td>0x63</td><td>143</td><td>01100011</td><td>c</td></tr>\n"
            + "<tr><td>100</td><td>0x64</td><td>144</td><td>01100100</td><td>d</td></tr>\n"
            + "<tr><td>101</td><td>0x65</td><td>145</td><td>01100101</td><td>e</td></tr>\n"
            + "<tr><td>102</td><td>0x66</td><td>146</td><td>01100110</td><td>f</td></tr>\n"
            + "<tr><td>103</td><td>0x67</td><td>147</td><td>01100111</td><td>g</td></tr>\n";
    static final String PART_6 =
            "<tr><td>104</td><td>0x68</td><td>150</td><td>01101000</td><td>h</td></tr>\n"
            + "<tr><td>105</td><td>0x69</td><td>151</td><td>01101001</td><td>i</td></tr>\n"
            + "<tr><td>106</td><td>0x6A</td><td>152</td><td>01101010</td><td>j</td></tr>\n"
            + "<tr><td>107</td><td>0x6B</td><td>153</td><td>01101011</td><td>k</td></tr>\n"
            + "<tr><td>108</td><td>0x6C</td><td>154</td><td>01101100</td><td>l</td></tr>\n"
            + "<tr><td>109</td><td>0x6D</td><td>155</td><td>01101101</td><td>m</td></tr>\n"
            + "<tr><td>110</td><td>0x6E</td><td>156</td><td>01101110</td><td>n</td></tr>\n"
            + "<tr><td>111</td><td>0x6F</td><td>157</td><td>01101111</td><td>o</td></tr>\n"
            + "<tr><td>112</td><td>0x70</td><td>160</td><td>01110000</td><td>p</td></tr>\n"
            + "<tr><td>113</td><td>0x71</td><td>161</td><td>01110001</td><td>q</td></tr>\n"
            + "<tr><td>114</td><td>0x72</td><td>162</td><td>01110010</td><td>r</td></tr>\n"
            + "<tr><td>115</td><td>0x73</td><td>163</td><td>01110011</td><td>s</td></tr>\n"
            + "<tr><td>116</td><td>0x74</td><td>164</td><td>01110100</td><td>t</td></tr>\n";
    static final String PART_7 =
            "<tr><td>117</td><td>0x75</td><td>165</td><td>01110101</td><td>u</td></tr>\n"
            + "<tr><td>118</td><td>0x76</td><td>166</td><td>01110110</td><td>v</td></tr>\n"
            + "<tr><td>119</td><td>0x77</td><td>167</td><td>01110111</td><td>w</td></tr>\n"
            + "<tr><td>120</td><td>0x78</td><td>170</td><td>01111000</td><td>x</td></tr>\n"
            + "<tr><td>121</td><td>0x79</td><td>171</td><td>01111001</td><td>y</td></tr>\n"
            + "<tr><td>122</td><td>0x7A</td><td>172</td><td>01111010</td><td>z</td></tr>\n"
            + "<tr><td>123</td><td>0x7B</td><td>173</td><td>01111011</td><td>{</td></tr>\n"
            + "<tr><td>124</td><td>0x7C</td><td>174</td><td>01111100</td><td>|</td></tr>\n"
            + "<tr><td>125</td><td>0x7D</td><td>175</td><td>01111101</td><td>}</td></tr>\n"
            + "<tr><td>126</td><td>0x7E</td><td>176</td><td>01111110</td><td>~</td></tr>\n"
            + "</table>\n"
            + "<p>Served by espgen's http-server sample.</p>\n"
            + "</body></html>\n";

    static final int PAGE_LENGTH = PART_0.length() + PART_1.length() + PART_2.length() + PART_3.length()
            + PART_4.length() + PART_5.length() + PART_6.length() + PART_7.length();
}
