package dev.evalgap.cli;

import dev.evalgap.seal.Seal;
import dev.evalgap.seal.SealRequest;
import dev.evalgap.seal.SealResult;
import dev.evalgap.seal.SealStratum;
import dev.evalgap.workspace.Workspace;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "seal", mixinStandardHelpOptions = true,
        description = {"Hold out a sealed split of an eval set (the Goodhart gauge): move a seeded, stratified "
                + "fraction of its cases to the sealed split, as a new set version.",
                "Sealed cases are scored like every case, but their texts (input, expected, run outputs) are never "
                        + "shown by any command, report or JSON: only their ids and counts. `evalgap trend` compares "
                        + "the public and the sealed score per release (the overfit index). Running the same seal "
                        + "again changes nothing; sealing never unseals a case."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:sealed (or nothing to change)", "2:usage or input error"})
final class SealCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--set", required = true, paramLabel = "NAME", description = "Eval set (its current version).")
    String set;

    @Option(names = "--fraction", required = true, paramLabel = "F",
            description = "Share of the set's cases the sealed split should hold, e.g. 0.2.")
    double fraction;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the choice of cases (default: seed).")
    Long seed;

    @Option(names = "--json", description = "Print the outcome as JSON (case ids and counts only).")
    boolean json;

    @Override
    public Integer call() {
        SealResult r;
        try (Workspace ws = workspace.open()) {
            r = new Seal(ws.store()).run(new SealRequest(set, fraction, seed != null ? seed : ws.config().seed()));
        }
        PrintWriter out = spec.commandLine().getOut();
        ResultOutput.print(out, json, r, SealCommand::print);
        return 0;
    }

    static void print(SealResult r, PrintWriter out) {
        if (r.newVersion()) {
            out.printf(Locale.ROOT, "sealed %d more case(s) of eval set '%s': v%d -> v%d; %d of %d cases sealed "
                            + "(%.1f%%; target round(%s x %d) = %d)%n", r.newlySealed().size(), r.setName(),
                    r.fromVersion(), r.version(), r.sealedAfter(), r.cases(), 100.0 * r.sealedAfter() / r.cases(),
                    r.fraction(), r.cases(), r.target());
        } else {
            out.printf(Locale.ROOT, "eval set '%s' v%d unchanged: %d of %d cases already sealed (target round(%s x %d) "
                            + "= %d)%n", r.setName(), r.version(), r.sealedAfter(), r.cases(), r.fraction(), r.cases(),
                    r.target());
        }
        out.printf(Locale.ROOT, "stratified %s; seed %d%n%n", r.stratification(), r.seed());
        out.printf(Locale.ROOT, "  %-28s %6s %6s %14s %13s%n", "stratum (first tag)", "cases", "quota", "sealed before",
                "sealed after");
        for (SealStratum s : r.strata()) {
            out.printf(Locale.ROOT, "  %-28s %6d %6d %14d %13d%n", s.stratum().length() > 28
                    ? s.stratum().substring(0, 27) + "~" : s.stratum(), s.cases(), s.quota(), s.sealedBefore(),
                    s.sealedAfter());
        }
        out.println();
        out.println("Sealed cases' texts are never shown again by evalgap (only ids and counts); keep them out of "
                + "prompts, few-shot examples and tuning too. `evalgap trend` shows public vs sealed scores.");
        out.printf(Locale.ROOT, "rule: %s%n", r.rule());
    }
}
