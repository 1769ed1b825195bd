package corpus.rpn;

import io.espgen.dsl.Bytes;
import io.espgen.dsl.Connection;
import io.espgen.dsl.OnReceive;
import io.espgen.dsl.TcpServer;
import io.espgen.dsl.Text;

/** An RPN calculator: numbers and + - * / % ~ on a stack of eight ints; '=' prints the top. */
@TcpServer(port = 7140)
public class Rpn {

    static final int DEPTH = 8;

    static class Calc {
        int[] stack = new int[8];
        int sp;
        byte[] token = new byte[12];
        int tokenLen;
        byte[] out = new byte[48];
        boolean error;
    }

    private static void push(Calc k, int v) {
        if (k.sp == DEPTH) {
            k.error = true;
            return;
        }
        k.stack[k.sp] = v;
        k.sp++;
    }

    private static int pop(Calc k) {
        if (k.sp == 0) {
            k.error = true;
            return 0;
        }
        k.sp--;
        return k.stack[k.sp];
    }

    private static void apply(Calc k, byte op) {
        int b = pop(k);
        int a = op == '~' ? 0 : pop(k);
        int r;
        switch (op) {
            case '+':
                r = a + b;
                break;
            case '-':
                r = a - b;
                break;
            case '*':
                r = a * b;
                break;
            case '/':
                r = b == 0 ? 0 : a / b;
                k.error |= b == 0;
                break;
            case '%':
                if (b == 0) {
                    k.error = true;
                    r = 0;
                } else {
                    r = a % b;
                }
                break;
            default:
                r = -b;
        }
        push(k, r);
    }

    private void endToken(Connection c, Calc k) {
        if (k.tokenLen == 0) {
            return;
        }
        int v = Text.parseInt(k.token, 0, k.tokenLen, Integer.MIN_VALUE);
        if (v != Integer.MIN_VALUE || Text.contentEquals(k.token, 0, k.tokenLen, "-2147483648")) {
            push(k, v);
        } else if (k.tokenLen == 1) {
            apply(k, k.token[0]);
        } else {
            k.error = true;
        }
        k.tokenLen = 0;
    }

    @OnReceive
    void receive(Connection c, Calc k, Bytes data) {
        for (byte b : data) {
            if (b == ' ' || b == '\n' || b == '=') {
                endToken(c, k);
                if (b == '=') {
                    int n;
                    if (k.error || k.sp == 0) {
                        n = Text.append(k.out, 0, "error");
                    } else {
                        n = Text.appendInt(k.out, 0, k.stack[k.sp - 1]);
                        n = Text.append(k.out, n, " depth ");
                        n = Text.appendInt(k.out, n, k.sp);
                    }
                    n = Text.appendByte(k.out, n, '\n');
                    c.send(k.out, 0, n);
                    k.error = false;
                    k.sp = 0;
                }
                continue;
            }
            if (k.tokenLen < k.token.length) {
                k.token[k.tokenLen] = b;
                k.tokenLen++;
            }
        }
    }
}
