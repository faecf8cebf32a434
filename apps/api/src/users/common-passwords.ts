import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Fewer estimated guesses than this: the password is on zxcvbn-ts's list of common and breached
 * passwords, or a small variation of one (digits or a year appended, l33t, case, repeats,
 * keyboard walks). zxcvbn's own score is 1 or less below it ("too guessable", "very guessable").
 */
const GUESSES_BOUND = 1e6;

let estimator: ZxcvbnFactory | undefined;

/**
 * The list is loaded on first use (about half a second and 15 MB): only setting a password needs
 * it, so an API that never does pays nothing.
 */
export function isCommonPassword(password: string): boolean {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return estimator.check(password).guesses < GUESSES_BOUND;
}
