package dev.evalgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evalgap trend} on the demo workspace (gap results of weeks 1 and 12, fast hashing embedder). */
class TrendCommandTest {

    @TempDir
    Path dir;

    @Test
    void tableJsonAndExitCodes() throws Exception {
        String ws = dir.resolve("ws").toString();
        Cli demo = Cli.run("demo", ws, "--embedder", "hashing");
        assertThat(demo.exitCode()).as(demo.err()).isZero();

        Cli table = Cli.run("trend", "-w", ws, "--set", "support", "--seed", "5");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out())
                .contains("trend: eval set 'support' v1 (300 cases); 8 releases, 12 windows; 95% intervals")
                .contains("by window").contains("by release (in order of first traffic)")
                .contains("offline <-> online agreement across releases")
                .contains("ALERT thumbs_up_rate (all, 8 releases r1..r8): Spearman rho -")
                .contains("INVERTED")
                .contains("production-weighted offline score (topic shares of 2026-W47)")
                .contains("FLAG  2026-W36 -> 2026-W47 (r1 -> r8)");
        // every offline figure carries its interval and its number of cases
        assertThat(table.out()).containsPattern("r8 +2026-W47 +0\\.860 \\[0\\.8\\d\\d, 0\\.8\\d\\d\\] \\(300\\)");

        Cli json = Cli.run("trend", "-w", ws, "--json", "--seed", "5", "--last", "4", "--no-weighting");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(json.out());
        assertThat(r.get("setName").asText()).isEqualTo("support");
        assertThat(r.get("releases")).hasSize(8);
        assertThat(r.get("windows").get(0).get("gap").get("gapScore").isNumber()).isTrue();
        assertThat(r.get("windows").get(1).get("gap").isNull()).isTrue();
        assertThat(r.get("agreement").get("lastReleases").asInt()).isEqualTo(4);
        assertThat(r.get("agreement").get("recent").get(0).get("releases")).hasSize(4);
        assertThat(r.get("productionWeighted").get("skipped").asText()).isEqualTo("not requested");

        assertThat(Cli.run("trend", "-w", ws, "--fail-on-alert", "--no-weighting").exitCode()).isEqualTo(1);
        Cli badDirection = Cli.run("trend", "-w", ws, "--kpi-direction", "nps=sideways");
        assertThat(badDirection.exitCode()).isEqualTo(2);
        assertThat(badDirection.err()).contains("--kpi-direction 'nps=sideways': direction must be higher or lower");
        Cli badLast = Cli.run("trend", "-w", ws, "--last", "2");
        assertThat(badLast.exitCode()).isEqualTo(2);
        assertThat(badLast.err()).contains("N >= 3");
        assertThat(Cli.run("trend", "-w", ws, "--set", "nope").err()).contains("no eval set 'nope'");
    }
}
