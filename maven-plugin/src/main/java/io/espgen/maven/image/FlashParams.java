package io.espgen.maven.image;

import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Flash mode, size and frequency: bytes 2 and 3 of the image header. */
public record FlashParams(FlashMode mode, FlashSize size, FlashFreq freq) {
    public static final FlashParams DEFAULT = new FlashParams(FlashMode.QIO, FlashSize.SIZE_4M, FlashFreq.FREQ_40M);

    /**
     * Validates the parameters {@code esp.flashMode}, {@code esp.flashSize} and {@code esp.flashFreq}.
     *
     * @throws EspException one line naming the parameter, the bad value and the allowed ones
     */
    public static FlashParams of(String mode, String size, String freq) throws EspException {
        FlashMode m = FlashMode.of(nonNull(mode)).orElseThrow(() -> new EspException(
                Messages.badFlashParameter("esp.flashMode", mode, names(FlashMode.values(), FlashMode::parameterValue),
                        DEFAULT.mode().parameterValue())));
        FlashSize s = FlashSize.of(nonNull(size)).orElseThrow(() -> new EspException(
                Messages.badFlashParameter("esp.flashSize", size, names(FlashSize.values(), FlashSize::parameterValue),
                        DEFAULT.size().parameterValue())));
        FlashFreq f = FlashFreq.of(nonNull(freq)).orElseThrow(() -> new EspException(
                Messages.badFlashParameter("esp.flashFreq", freq, names(FlashFreq.values(), FlashFreq::parameterValue),
                        DEFAULT.freq().parameterValue())));
        return new FlashParams(m, s, f);
    }

    /** Byte 3 of the header: size in the high nibble, frequency in the low one. */
    public int sizeFreqByte() {
        return size.code() << 4 | freq.code();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<String> names(T[] values, Function<T, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.toList());
    }
}
