/**
 * The sealed split of an eval set (the Goodhart gauge): {@link dev.evalgap.seal.Seal} moves a seeded,
 * stratified fraction of a set's cases to the sealed split as a new set version, and
 * {@link dev.evalgap.seal.SealedTexts} tells every renderer which texts it must not show. Sealed
 * cases' texts (input, expected, run outputs) never leave evalgap: commands, reports, JSON and
 * messages carry only their ids and aggregates.
 */
package dev.evalgap.seal;
