/**
 * A deterministic demo scenario: twelve weeks of production traffic of a customer-support
 * assistant whose usage drifts away from its eval suite, the suite itself, per-release offline
 * scores and online feedback that stops agreeing with them.
 *
 * <p>Entry point: {@link dev.evalgap.demo.DemoScenario}. Every text is expanded from the
 * vocabulary resource {@code support-assistant.txt} of this package; all randomness is a
 * {@link java.util.SplittableRandom} derived from the scenario's seed.
 */
package dev.evalgap.demo;
