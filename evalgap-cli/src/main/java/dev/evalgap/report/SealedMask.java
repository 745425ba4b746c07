package dev.evalgap.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.evalgap.seal.SealedTexts;
import java.util.Iterator;
import java.util.Map;

/**
 * Replaces every string in a view that would reveal a sealed case. Analyses already withhold sealed
 * texts, but a gap result stored before `seal` was run still holds them; masking the whole tree at
 * the edge keeps the report and the dashboard safe whatever they show.
 */
final class SealedMask {

    static final String WITHHELD = "[withheld: would reveal a sealed case]";

    private SealedMask() {
    }

    static JsonNode apply(JsonNode node, SealedTexts sealed) {
        if (!sealed.any() || node == null) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                e.setValue(masked(e.getValue(), sealed));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, masked(array.get(i), sealed));
            }
        }
        return node;
    }

    private static JsonNode masked(JsonNode value, SealedTexts sealed) {
        if (value.isTextual()) {
            return sealed.reveals(value.asText()) ? TextNode.valueOf(WITHHELD) : value;
        }
        return apply(value, sealed);
    }
}
