package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMappingTest {

    @Test
    void parsesCommandLineSpecs() {
        FieldMapping m = FieldMapping.parse(StreamKind.TRAFFIC, List.of("text=prompt", " ts = meta.created_at "));
        assertThat(m.source("text")).isEqualTo("prompt");
        assertThat(m.source("ts")).isEqualTo("meta.created_at");
        assertThat(m.source("response")).isEqualTo("response");
        assertThat(m.isMapped("text")).isTrue();
        assertThat(m.isMapped("response")).isFalse();
        assertThat(m.asMap()).containsExactly(Map.entry("text", "prompt"), Map.entry("ts", "meta.created_at"));
    }

    @Test
    void unknownFieldListsTheValidOnes() {
        assertThatThrownBy(() -> FieldMapping.parse(StreamKind.TRAFFIC, List.of("txet=prompt")))
                .isInstanceOf(IngestException.class)
                .hasMessage("unknown field 'txet' for traffic; valid: ts, text, id, response, release, session, "
                        + "segment, weight, thumbs, retried, edited, abandoned, csat, embedding, messages");
        assertThatThrownBy(() -> FieldMapping.of(StreamKind.RUNS, Map.of("text", "x")))
                .hasMessage("unknown field 'text' for runs; valid: release, case_id, score, grader, output");
    }

    @Test
    void malformedSpecsAreRejected() {
        for (String bad : new String[] {"textprompt", "=prompt", "text=", " = "}) {
            assertThatThrownBy(() -> FieldMapping.parse(StreamKind.TRAFFIC, List.of(bad))).as(bad)
                    .isInstanceOf(IngestException.class)
                    .hasMessage("malformed field mapping '" + bad + "': expected CANONICAL=SOURCE, e.g. text=prompt");
        }
        assertThatThrownBy(() -> FieldMapping.parse(StreamKind.TRAFFIC, List.of("text=a", "text=b")))
                .hasMessage("field 'text' is mapped twice");
    }

    @Test
    void commandLineOverridesConfig() {
        Map<String, String> yaml = new LinkedHashMap<>();
        yaml.put("text", "prompt");
        yaml.put("ts", "created");
        FieldMapping m = FieldMapping.of(StreamKind.TRAFFIC, yaml)
                .overriddenBy(FieldMapping.parse(StreamKind.TRAFFIC, List.of("text=input.query")));
        assertThat(m.source("text")).isEqualTo("input.query");
        assertThat(m.source("ts")).isEqualTo("created");
    }

    @Test
    void resolvesDottedPathsArrayIndexesAndDottedKeys() throws Exception {
        JsonNode r = Json.MAPPER.readTree("{\"meta\":{\"created_at\":\"x\",\"a.b\":{\"c\":1}},"
                + "\"messages\":[{\"content\":\"first\"},{\"content\":\"second\"}],\"flat.key\":2,\"n\":null}");
        assertThat(FieldMapping.resolve(r, "meta.created_at").asText()).isEqualTo("x");
        assertThat(FieldMapping.resolve(r, "messages.1.content").asText()).isEqualTo("second");
        assertThat(FieldMapping.resolve(r, "meta.a.b.c").asInt()).isEqualTo(1);
        assertThat(FieldMapping.resolve(r, "flat.key").asInt()).isEqualTo(2);
        assertThat(FieldMapping.resolve(r, "messages.5.content")).isNull();
        assertThat(FieldMapping.resolve(r, "messages.x")).isNull();
        assertThat(FieldMapping.resolve(r, "meta.nope")).isNull();
        assertThat(FieldMapping.resolve(r, "n")).isNull();
    }

    @Test
    void configEnumsParse() {
        assertThat(WindowScheme.parse("iso-week")).isEqualTo(WindowScheme.ISO_WEEK);
        assertThat(WindowScheme.parse("Day")).isEqualTo(WindowScheme.DAY);
        assertThat(WindowScheme.parse("month")).isEqualTo(WindowScheme.MONTH);
        assertThatThrownBy(() -> WindowScheme.parse("weekly"))
                .hasMessage("unknown window scheme 'weekly'; valid: iso-week, day, month");
        assertThat(ChatTurn.parse("first")).isEqualTo(ChatTurn.FIRST);
        assertThat(StreamKind.parse("KPIS")).isEqualTo(StreamKind.KPIS);
    }
}
