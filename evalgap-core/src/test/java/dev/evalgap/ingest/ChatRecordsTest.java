package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalgap.store.EvalCase;
import dev.evalgap.store.Interaction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatRecordsTest {

    @TempDir
    Path dir;

    private static final String CONVERSATION = "{\"ts\":\"2026-11-22T10:00:00Z\",\"messages\":["
            + "{\"role\":\"system\",\"content\":\"You are helpful.\"},"
            + "{\"role\":\"user\",\"content\":\"first question\"},"
            + "{\"role\":\"assistant\",\"content\":\"first answer\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"second\"},"
            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}},{\"type\":\"text\",\"text\":\"question\"}]},"
            + "{\"role\":\"tool\",\"content\":\"tool output\"},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"second answer\"}]}]}";

    private Interaction parse(String line, IngestOptions opts) {
        Path f = Fixtures.write(dir, "chat.jsonl", line);
        return Fixtures.<Interaction>parseAll(f, opts).get(0);
    }

    @Test
    void lastUserTurnByDefault() {
        Interaction i = parse(CONVERSATION, IngestOptions.defaults(StreamKind.TRAFFIC));
        assertThat(i.text()).isEqualTo("second\nquestion");
        assertThat(i.response()).isEqualTo("second answer");
    }

    @Test
    void firstUserTurnWhenAsked() {
        Interaction i = parse(CONVERSATION, IngestOptions.defaults(StreamKind.TRAFFIC).withChatTurn(ChatTurn.FIRST));
        assertThat(i.text()).isEqualTo("first question");
        assertThat(i.response()).isEqualTo("first answer");
    }

    @Test
    void ownTextAndResponseWinOverMessages() {
        Interaction i = parse("{\"ts\":\"2026-11-22\",\"text\":\"own\",\"messages\":[{\"role\":\"user\",\"content\":\"chat\"},"
                + "{\"role\":\"assistant\",\"content\":\"reply\"}]}", IngestOptions.defaults(StreamKind.TRAFFIC));
        assertThat(i.text()).isEqualTo("own");
        assertThat(i.response()).isEqualTo("reply");
    }

    @Test
    void noAssistantTurnAfterTheUserTurnMeansNoResponse() {
        Interaction i = parse("{\"ts\":\"2026-11-22\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},"
                + "{\"role\":\"assistant\",\"content\":\"b\"},{\"role\":\"user\",\"content\":\"c\"}]}",
                IngestOptions.defaults(StreamKind.TRAFFIC));
        assertThat(i.text()).isEqualTo("c");
        assertThat(i.response()).isNull();
    }

    @Test
    void shareGptConversationsThroughAMapping() {
        IngestOptions opts = IngestOptions.defaults(StreamKind.TRAFFIC)
                .withMapping(FieldMapping.parse(StreamKind.TRAFFIC, List.of("messages=conversations")))
                .withDefaultTs(java.time.Instant.parse("2026-11-22T00:00:00Z"));
        Interaction i = parse("{\"id\":\"x1\",\"conversations\":[{\"from\":\"human\",\"value\":\"hi\"},"
                + "{\"from\":\"gpt\",\"value\":\"hello\"}]}", opts);
        assertThat(i.text()).isEqualTo("hi");
        assertThat(i.response()).isEqualTo("hello");
        assertThat(i.id()).isEqualTo("x1");
    }

    @Test
    void casesTakeInputAndExpectedFromChatTurnsIncludingAnInputThatIsAChat() {
        Path f = Fixtures.write(dir, "cases.jsonl", String.join("\n",
                "{\"case_id\":\"c1\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"gold\"}]}",
                "{\"case_id\":\"c2\",\"input\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"q2\"}],"
                        + "\"expected\":\"gold2\"}"));
        List<EvalCase> got = Fixtures.parseAll(f, IngestOptions.defaults(StreamKind.CASES));
        assertThat(got).extracting(EvalCase::input).containsExactly("q", "q2");
        assertThat(got).extracting(EvalCase::expected).containsExactly("gold", "gold2");
    }

    @Test
    void chatInACsvCellIsReadAsJson() {
        Path f = Fixtures.write(dir, "t.csv", "ts,messages\n2026-11-22,\"[{\"\"role\"\":\"\"user\"\",\"\"content\"\":\"\"from csv\"\"}]\"\n");
        assertThat(Fixtures.<Interaction>parseAll(f, IngestOptions.defaults(StreamKind.TRAFFIC)).get(0).text())
                .isEqualTo("from csv");
    }

    @Test
    void chatWithoutUserTurnOrNotAChatIsReported() {
        Path f = Fixtures.write(dir, "t.jsonl", String.join("\n",
                "{\"ts\":\"2026-11-22\",\"messages\":[{\"role\":\"system\",\"content\":\"s\"}]}",
                "{\"ts\":\"2026-11-22\",\"messages\":\"hello\"}",
                "{\"ts\":\"2026-11-22\",\"messages\":[{\"role\":\"user\",\"content\":\"  \"}]}"));
        assertThat(Fixtures.errors(f, "t.jsonl", IngestOptions.defaults(StreamKind.TRAFFIC))).containsExactly(
                "t.jsonl:1: field 'text' (mapped from 'messages'): missing; no user turn in 'messages'",
                "t.jsonl:2: field 'messages': not a list of chat turns {role, content} (\"hello\")",
                "t.jsonl:3: field 'text' (mapped from 'messages'): blank (\"  \")");
    }

    @Test
    void chatFromParquetListOfStructs() {
        Path p = Fixtures.parquet(dir.resolve("chat.parquet"), "SELECT TIMESTAMP '2026-11-22 10:00:00' AS ts, "
                + "[{'role': 'user', 'content': 'pq question'}, {'role': 'assistant', 'content': 'pq answer'}] AS messages");
        Interaction i = Fixtures.<Interaction>parseAll(p, IngestOptions.defaults(StreamKind.TRAFFIC)).get(0);
        assertThat(i.text()).isEqualTo("pq question");
        assertThat(i.response()).isEqualTo("pq answer");
    }
}
