package dev.evalgap.cli;

import dev.evalgap.ResultJson;
import java.io.PrintWriter;
import java.util.function.BiConsumer;

/** How every command prints its result: the record as JSON with {@code --json}, otherwise as text. */
final class ResultOutput {

    private ResultOutput() {
    }

    static <T> void print(PrintWriter out, boolean json, T result, BiConsumer<T, PrintWriter> text) {
        if (json) {
            out.println(ResultJson.write(result));
        } else {
            text.accept(result, out);
        }
        out.flush();
    }
}
