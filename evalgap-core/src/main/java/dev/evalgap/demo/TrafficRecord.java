package dev.evalgap.demo;

import java.time.Instant;

/**
 * One generated production interaction, with the generator's ground truth (intent, register,
 * slot values, latent outcome) that the traffic file does not show.
 */
record TrafficRecord(
        String id,
        int week,
        Instant ts,
        String text,
        String response,
        String release,
        String session,
        String segment,
        double weight,
        FeedbackModel.Feedback feedback,
        Intent intent,
        Register register,
        Bindings bindings) {

    TrafficRecord withId(String newId) {
        return new TrafficRecord(newId, week, ts, text, response, release, session, segment, weight,
                feedback, intent, register, bindings);
    }
}
