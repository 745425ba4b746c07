package dev.evalgap.seal;

/**
 * One stratum of a seal: the cases sharing a first tag.
 *
 * @param stratum      the first tag ({@value Seal#UNTAGGED} for cases without tags, {@value Seal#ALL}
 *                     when no case has a tag)
 * @param cases        cases in the stratum
 * @param quota        sealed cases the stratum should hold (largest-remainder share of the total)
 * @param sealedBefore sealed cases before this seal
 * @param sealedAfter  sealed cases after it (more than {@code quota} when more were sealed before:
 *                     sealing never unseals)
 */
public record SealStratum(String stratum, int cases, int quota, int sealedBefore, int sealedAfter) {
}
