package io.espgen.generator.translate.body;

import io.espgen.dsl.Limits;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.Messages.Construct;
import io.espgen.generator.ir.CExpr;
import io.espgen.generator.model.DslTypes;
import io.espgen.generator.model.FlashText;
import io.espgen.generator.model.Handler;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.translate.Constants;
import io.espgen.generator.translate.Scope.Kind;
import io.espgen.generator.translate.Scope.Value;
import io.espgen.templates.CStrings;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.core.dom.Expression;
import org.eclipse.jdt.core.dom.IBinding;
import org.eclipse.jdt.core.dom.ITypeBinding;
import org.eclipse.jdt.core.dom.IVariableBinding;
import org.eclipse.jdt.core.dom.InfixExpression;
import org.eclipse.jdt.core.dom.MethodInvocation;
import org.eclipse.jdt.core.dom.Name;

/**
 * One call of a built-in, as its {@link Builtins.Lowering} sees it: the receiver and arguments in C,
 * with the checks every built-in shares. Each method reports what it cannot translate and returns null.
 */
final class Site {

    private final BodyContext ctx;
    private final Expressions exprs;
    private final MethodInvocation call;
    private final String receiver;
    private final boolean asStatement;

    Site(BodyContext ctx, Expressions exprs, MethodInvocation call, String receiver, boolean asStatement) {
        this.ctx = ctx;
        this.exprs = exprs;
        this.call = call;
        this.receiver = receiver;
        this.asStatement = asStatement;
    }

    int argCount() {
        return call.arguments().size();
    }

    private Expression argument(int i) {
        return (Expression) call.arguments().get(i);
    }

    CExpr call(String function, CExpr... args) {
        return CExpr.call(function, args);
    }

    /** The server, which runtime calls on a connection take first. */
    CExpr srv() {
        return CExpr.name("srv");
    }

    /** The receiver parameter (a Connection or Bytes). */
    CExpr receiver() {
        return CExpr.name(receiver);
    }

    CExpr bytesData() {
        return new CExpr.Member(receiver(), "data", false);
    }

    CExpr bytesLength() {
        return CExpr.cast("int", new CExpr.Member(receiver(), "len", false));
    }

    /** Argument i as a value. */
    CExpr arg(int i) {
        return exprs.value(argument(i));
    }

    /** Argument i when it is the handler's Bytes parameter: {data, len}; else null, reporting nothing. */
    CExpr[] bytesParam(int i) {
        Value bytes = ctx.param(argument(i), Kind.BYTES);
        return bytes == null ? null : new CExpr[] {new CExpr.Member(CExpr.name(bytes.cName()), "data", false),
                new CExpr.Member(CExpr.name(bytes.cName()), "len", false)};
    }

    /** Argument i when it is a string constant long enough to live in flash: {array, length}; else null. */
    CExpr[] flashText(int i) {
        Expression arg = argument(i);
        if (!(arg.resolveConstantExpressionValue() instanceof String s) || CStrings.length(s) < Constants.FLASH_MIN) {
            return null;
        }
        IBinding b = arg instanceof Name n ? n.resolveBinding() : null;
        String javaName = b instanceof IVariableBinding v && v.isField() && ctx.isServerField(v) ? v.getName() : null;
        FlashText f = ctx.scope.constants().flashText(javaName, s);
        return new CExpr[] {CExpr.name(f.name()), CExpr.name(f.lengthMacro())};
    }

    /** Argument i, a string constant, as C: {text, length}; a server constant as its macro. */
    CExpr[] text(int i) {
        Expression e = argument(i);
        ITypeBinding t = e.resolveTypeBinding();
        if (e.resolveConstantExpressionValue() instanceof String s) {
            IBinding b = e instanceof Name n ? n.resolveBinding() : null;
            if (b instanceof IVariableBinding v && v.isField() && ctx.isServerField(v)) {
                CExpr macro = CExpr.name(ctx.scope.constants().use(v.getName(), CStrings.literal(s)));
                return new CExpr[] {macro, new CExpr.Binary(new CExpr.SizeOf(macro), "-", CExpr.literal("1"))};
            }
            return new CExpr[] {CExpr.literal(CStrings.literal(s)), CExpr.literal(Integer.toString(CStrings.length(s)))};
        }
        if (e instanceof InfixExpression && t != null && t.getQualifiedName().equals(DslTypes.STRING)) {
            exprs.value(e); // reports the concatenation
            return null;
        }
        String instead = Calls.jdkInstead(e);
        if (instead != null) {
            ctx.error(e, instead);
            return null;
        }
        ctx.unsupported(e, Construct.SEND_STRING);
        return null;
    }

    /** Argument i as an array of bytes. */
    ArrayRef byteArray(int i) {
        return array(i, false);
    }

    /** Argument i as an array of bytes to send. */
    ArrayRef sendableArray(int i) {
        return array(i, true);
    }

    private ArrayRef array(int i, boolean forSend) {
        Expression e = argument(i);
        ArrayRef ref = exprs.arrayRef(e);
        if (ref == null) {
            ctx.unsupported(e, forSend ? Construct.SEND_ARRAY : Construct.ARRAY);
            return null;
        }
        if (ref.type() != JavaType.BYTE) {
            ctx.error(e, Messages.arrayOfType(ref.type().javaName(), forSend));
            return null;
        }
        return ref;
    }

    /** A built-in that has a place of its own (a loop, a declaration) used elsewhere: reports message. */
    CExpr misplaced(String message) {
        ctx.error(call, message);
        return null;
    }

    /**
     * {@code Timers.start("blink", 500)}: re-arms the @OneShot handler's os_timer; a constant delay is checked here,
     * a computed one clamped by the runtime.
     */
    CExpr timerStart() {
        Handler.Timer t = oneShot(0);
        if (t == null) {
            return null;
        }
        Expression delay = argument(1);
        if (delay.resolveConstantExpressionValue() instanceof Integer ms
                && (ms < Limits.MIN_TIMER_MILLIS || ms > Limits.MAX_TIMER_MILLIS)) {
            ctx.error(delay, Messages.oneShotDelay(ms));
            return null;
        }
        return call("espgen_timer_start", new CExpr.Prefix("&", CExpr.name(t.variable())), CExpr.name(t.callback()),
                arg(1));
    }

    /** {@code Timers.cancel("blink")}: disarms it. */
    CExpr timerCancel() {
        Handler.Timer t = oneShot(0);
        return t == null ? null : call("os_timer_disarm", new CExpr.Prefix("&", CExpr.name(t.variable())));
    }

    /** Argument i, a string constant naming one of the server's @OneShot handlers; reports anything else. */
    private Handler.Timer oneShot(int i) {
        Expression e = argument(i);
        if (!(e.resolveConstantExpressionValue() instanceof String name)) {
            ctx.error(e, Messages.oneShotName(null, ctx.scope.wide().oneShotNames()));
            return null;
        }
        Handler.Timer t = ctx.scope.wide().oneShot(name);
        if (t == null) {
            ctx.error(e, Messages.oneShotName(name, ctx.scope.wide().oneShotNames()));
        }
        return t;
    }

    /** {@code Math.min/max/abs} on int or long. */
    CExpr math(String method) {
        ITypeBinding t = call.resolveTypeBinding();
        String prefix = BodyContext.isLong(t) ? "espgen_l" : t != null && t.getName().equals("int") ? "espgen_i" : null;
        if (prefix == null) {
            ctx.error(call, Messages.math(method, t == null ? "?" : t.getName()));
            return null;
        }
        List<CExpr> cargs = new ArrayList<>();
        for (int i = 0; i < argCount(); i++) {
            cargs.add(arg(i));
        }
        return new CExpr.Call(prefix + method, cargs);
    }

    /** A Log call: os_printf of the server's prefix and the checked format. */
    CExpr log(LogLevel level) {
        if (!asStatement) {
            ctx.unsupported(call, Construct.LOG_AS_VALUE);
            return null;
        }
        if (argCount() == 0) {
            ctx.unsupported(call, Construct.LOG_WITHOUT_FORMAT);
            return null;
        }
        Expression formatArg = argument(0);
        if (!(formatArg.resolveConstantExpressionValue() instanceof String format)) {
            ctx.error(formatArg, Messages.formatNotLiteral());
            return null;
        }
        List<?> args = call.arguments();
        // a level the build leaves out does not evaluate its arguments: they may not change anything
        for (Object a : args.subList(1, args.size())) {
            if (!exprs.order().pure((Expression) a)) {
                ctx.unsupported((Expression) a, Construct.LOG_ARGUMENT_EFFECT);
                return null;
            }
        }
        LogFormat.Result r = LogFormat.translate(format, args.subList(1, args.size()), exprs::value, ctx::error,
                formatArg);
        String prefix = ctx.scope.logPrefix() + level.prefix();
        List<CExpr> cargs = new ArrayList<>();
        cargs.add(CExpr.literal(CStrings.literal(prefix + r.format() + "\n")));
        cargs.addAll(r.args());
        return new CExpr.Call(level.macro(), cargs);
    }
}
