package dev.evalgap.gap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A production item proposed as a new eval case, in the case format ({@code evalgap ingest cases}
 * reads it back once {@code expected} is filled in), with where it came from and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefreshCandidate(
        @JsonProperty("case_id") String caseId,
        @JsonProperty("input") String input,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("origin") String origin,
        @JsonProperty("rationale") String rationale,
        @JsonProperty("created") String created,
        @JsonProperty("source_ref") String sourceRef,
        @JsonProperty("window") String window,
        @JsonProperty("topic") int topic,
        @JsonProperty("reason") String reason) {
}
